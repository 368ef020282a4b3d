using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

public sealed class StuckValueDetectorTests
{
    private static readonly StuckValueDetector Detector = new();

    [Fact]
    public void Finds_nine_equal_hours_while_flow_moves()
    {
        var nox = Make.With(Make.Noise(72, 40, 5, 1), 20, 28, 35.2);
        var set = Make.Set(Make.Hourly("NOx", nox), Make.Hourly("流量", Make.Noise(72, 12000, 800, 2), SeriesRole.Flow));

        var found = Assert.Single(Detector.Detect(set));

        Assert.Equal(("stuck", "NOx", 20, 28), (found.Signature, found.Column, found.FirstIndex, found.LastIndex));
        Assert.Equal(Make.Start.AddHours(20), found.From);
        Assert.Equal("NOx 在 2022-08-01 20:00 至 2022-08-02 04:00 连续 9 个小时值均为 35.20，流量同期在变化，疑似数据恒值", found.Explanation);
    }

    [Fact]
    public void Values_within_a_tiny_share_of_the_typical_step_count_as_equal()
    {
        var nox = Make.Noise(72, 40, 5, 3);
        for (var i = 10; i <= 19; i++) nox[i] = 35.2 + (i % 2 == 0 ? 0.01 : 0); // typical step is ~5.6, tolerance ~0.056
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("NOx", nox))));
        Assert.Equal((10, 19), (found.FirstIndex, found.LastIndex));
    }

    [Fact]
    public void Five_equal_hours_are_not_reported()
    {
        var nox = Make.With(Make.Noise(72, 40, 5, 4), 20, 24, 35.2);
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("NOx", nox))));
    }

    [Fact]
    public void Minute_data_needs_three_hours_not_six_samples()
    {
        var shortRun = Make.With(Make.Noise(600, 40, 5, 5), 100, 159, 35.2);
        var longRun = Make.With(Make.Noise(600, 40, 5, 5), 100, 299, 35.2);

        Assert.Empty(Detector.Detect(Make.Set(Make.Minutely("SO2", shortRun))));
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Minutely("SO2", longRun))));
        Assert.Equal((100, 299), (found.FirstIndex, found.LastIndex));
        Assert.Contains("200 分钟", found.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_while_the_load_shows_the_plant_stopped_is_not_stuck()
    {
        var load = Make.With(Make.Noise(72, 300, 20, 6), 10, 30, 0.0);
        var nox = Make.With(Make.Noise(72, 40, 5, 7), 10, 30, 0.0);
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("NOx", nox), Make.Hourly("负荷", load, SeriesRole.Load))));
    }

    [Fact]
    public void Zero_flagged_stopped_is_not_stuck()
    {
        var nox = Make.With(Make.Noise(72, 40, 5, 8), 10, 30, 0.0);
        var flags = Make.With(Make.Flags(72), 10, 30, "F");
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("NOx", nox, flags: flags))));
    }

    [Fact]
    public void A_missing_sample_breaks_the_run()
    {
        var nox = Make.With(Make.Noise(72, 40, 5, 9), 20, 30, 35.2);
        nox[25] = double.NaN;
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("NOx", nox))));
    }

    [Fact]
    public void Scores_higher_when_companions_move_and_when_longer()
    {
        var nox = Make.With(Make.Noise(100, 40, 5, 10), 20, 28, 35.2);
        var moving = Make.Hourly("流量", Make.Noise(100, 12000, 800, 11), SeriesRole.Flow);
        var still = Make.Hourly("流量", Make.With(Make.Noise(100, 12000, 800, 11), 20, 28, 12000.0), SeriesRole.Flow);
        var longer = Make.With(Make.Noise(100, 40, 5, 10), 20, 60, 35.2);

        var withMoving = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("NOx", nox), moving)));
        var withStill = Detector.Detect(Make.Set(Make.Hourly("NOx", nox), still)).Single(d => d.Column == "NOx");
        var withLonger = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("NOx", longer), moving)));

        Assert.True(withMoving.Score > withStill.Score);
        Assert.True(withLonger.Score > withMoving.Score);
    }

    [Fact]
    public void Applies_to_every_role()
    {
        var o2 = Make.With(Make.Noise(72, 10, 1, 12), 0, 7, 9.8);
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("O2", o2, SeriesRole.Oxygen))));
        Assert.Equal((0, 7), (found.FirstIndex, found.LastIndex));
    }

    [Fact]
    public void A_concentration_stuck_at_zero_while_running_scores_low_and_says_detection_limit()
    {
        var so2 = Make.With(Make.Noise(72, 40, 5, 13), 20, 28, 0.0);
        var set = Make.Set(Make.Hourly("SO2", so2), Make.Hourly("流量", Make.Noise(72, 12000, 800, 14), SeriesRole.Flow));
        var found = Assert.Single(Detector.Detect(set));
        Assert.True(found.Score < 0.5, $"score {found.Score}");
        Assert.Contains("可能低于检出限", found.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var nox = Make.With(Make.Noise(72, 40, 5, 15), 20, 23, 35.2);
        var strict = new StuckValueDetector(new StuckValueOptions { MinSamples = 4, MinDuration = TimeSpan.FromHours(4) });
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("NOx", nox))));
        Assert.Single(strict.Detect(Make.Set(Make.Hourly("NOx", nox))));
    }
}
