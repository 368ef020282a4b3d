using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

public sealed class LimitBunchingDetectorTests
{
    private const double Limit = 100;
    private static readonly LimitBunchingDetector Detector = new();

    /// <summary>Log-normal emissions with the given median; from day <paramref name="fromDay"/> on, every value that
    /// would exceed the limit is replaced by one just under it (90–99%).</summary>
    private static double[] Emissions(int days, double median, double sigma, int seed, int fromDay = int.MaxValue)
    {
        var random = new Random(seed);
        var v = new double[days * 24];
        for (var i = 0; i < v.Length; i++)
        {
            var x = median * Math.Exp(sigma * Make.Gaussian(random));
            if (i / 24 >= fromDay && x >= Limit) x = Limit * (0.9 + 0.09 * random.NextDouble());
            v[i] = Math.Round(x, 2);
        }
        return v;
    }

    [Fact]
    public void Finds_the_weeks_where_exceedances_are_pushed_under_the_limit()
    {
        var so2 = Emissions(28, 70, 0.3, 1, fromDay: 14);
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", so2, limit: Limit))));

        Assert.Equal((14 * 24, 28 * 24 - 1), (found.FirstIndex, found.LastIndex));
        Assert.Contains("限值 100.00 的 85%–100% 区间", found.Explanation, StringComparison.Ordinal);
        Assert.EndsWith("；至 2022-08-28 23:00 共 2 个连续 7 天窗口均如此", found.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_series_is_judged_whole()
    {
        var so2 = Emissions(10, 70, 0.3, 2, fromDay: 0);
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", so2, limit: Limit))));
        Assert.Equal((0, so2.Length - 1), (found.FirstIndex, found.LastIndex));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(34)]
    public void A_plant_running_at_ninety_percent_with_natural_spread_is_silent(int seed)
    {
        var so2 = Make.Noise(28 * 24, 0.9 * Limit, 0.05 * Limit, seed);
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("SO2", so2, limit: Limit))));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(41)]
    [InlineData(42)]
    public void Honest_skewed_emissions_that_sometimes_exceed_are_silent(int seed)
    {
        var so2 = Emissions(28, 70, 0.3, seed);
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("SO2", so2, limit: Limit))));
    }

    [Fact]
    public void Series_without_a_limit_or_with_gaps_are_handled()
    {
        var so2 = Emissions(10, 70, 0.3, 5, fromDay: 0);
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("SO2", so2))));

        for (var i = 0; i < so2.Length; i += 3) so2[i] = double.NaN;
        Assert.NotEmpty(Detector.Detect(Make.Set(Make.Hourly("SO2", so2, limit: Limit))));
    }
}
