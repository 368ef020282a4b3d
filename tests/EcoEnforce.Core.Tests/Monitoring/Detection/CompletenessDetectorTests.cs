using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

public sealed class CompletenessDetectorTests
{
    private static readonly CompletenessDetector Detector = new();

    [Fact]
    public void Minute_data_an_hour_with_fewer_than_45_valid_minutes_is_invalid()
    {
        var so2 = Make.Noise(240, 40, 5, 1);
        for (var i = 60; i < 76; i++) so2[i] = double.NaN; // hour 1: 44 valid
        for (var i = 120; i < 135; i++) so2[i] = double.NaN; // hour 2: 45 valid
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Minutely("SO2", so2))));

        Assert.Equal(("completeness", 60, 119), (found.Signature, found.FirstIndex, found.LastIndex));
        Assert.Contains("有 1 个小时不满足“每小时有效数据不少于 75%”的有效性要求，共缺失或无效 16 个数据", found.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Hourly_data_a_day_with_fewer_than_20_valid_hours_is_invalid()
    {
        var so2 = Make.Noise(24 * 4, 40, 5, 2);
        for (var i = 24; i < 29; i++) so2[i] = double.NaN; // day 1: 19 valid
        for (var i = 48; i < 52; i++) so2[i] = double.NaN; // day 2: 20 valid, gap at night
        var flags = Make.With(Make.Flags(96), 80, 83, "M"); // day 3: 20 valid
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", so2, flags: flags))));
        Assert.Equal((24, 47), (found.FirstIndex, found.LastIndex));
    }

    [Fact]
    public void Stopped_hours_are_not_required()
    {
        var so2 = Make.With(Make.Noise(48, 40, 5, 3), 24, 40, double.NaN);
        var flags = Make.With(Make.Flags(48), 24, 40, "F");
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("SO2", so2, flags: flags))));
    }

    /// <summary>Load peaks 10:00–14:00 each day; three hours are missing in the peak on day 5, or at night.</summary>
    private static SeriesSet DailyCycle(int gapHour, bool withLoad)
    {
        var random = new Random(4);
        var load = new double[24 * 10];
        var so2 = new double[load.Length];
        for (var i = 0; i < load.Length; i++)
        {
            var peak = i % 24 is >= 10 and <= 14;
            load[i] = Math.Round((peak ? 400 : 200) + 10 * Make.Gaussian(random), 1);
            so2[i] = Math.Round(load[i] / 5 + 3 * Make.Gaussian(random), 2);
        }
        for (var i = 5 * 24 + gapHour; i < 5 * 24 + gapHour + 3; i++) so2[i] = double.NaN;
        return withLoad ? Make.Set(Make.Hourly("SO2", so2), Make.Hourly("负荷", load, SeriesRole.Load)) : Make.Set(Make.Hourly("SO2", so2));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_short_gap_at_the_expected_peak_is_reported(bool withLoad)
    {
        var found = Assert.Single(Detector.Detect(DailyCycle(11, withLoad)));
        Assert.Equal((5 * 24 + 11, 5 * 24 + 13), (found.FirstIndex, found.LastIndex));
        Assert.True(found.Score >= 0.7, $"score {found.Score}");
        Assert.Contains(withLoad ? "负荷 数据显示" : "相邻几天同一时段的数据显示", found.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_same_gap_at_night_is_silent(bool withLoad) => Assert.Empty(Detector.Detect(DailyCycle(1, withLoad)));

    [Fact]
    public void An_invalid_day_on_high_load_scores_higher_than_one_on_low_load()
    {
        var low = Make.Noise(72, 40, 5, 5);
        var high = (double[])low.Clone();
        var load = Make.Noise(72, 300, 10, 6);
        for (var i = 24; i < 30; i++) { low[i] = double.NaN; load[i] = 100; }
        for (var i = 48; i < 54; i++) { high[i] = double.NaN; load[i] = 500; }
        var loadSeries = Make.Hourly("负荷", load, SeriesRole.Load);
        var lowScore = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", low), loadSeries))).Score;
        var highScore = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", high), loadSeries))).Score;
        Assert.True(highScore > lowScore, $"{highScore} > {lowScore}");
    }

    [Fact]
    public void Series_with_identical_gaps_are_reported_once()
    {
        var so2 = Make.With(Make.Noise(48, 40, 5, 7), 24, 35, double.NaN);
        var nox = Make.With(Make.Noise(48, 80, 5, 8), 24, 35, double.NaN);
        Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", so2), Make.Hourly("NOx", nox))));
    }
}
