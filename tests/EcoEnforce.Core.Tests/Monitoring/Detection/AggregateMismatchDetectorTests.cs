using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

public sealed class AggregateMismatchDetectorTests
{
    private static readonly AggregateMismatchDetector Detector = new();

    private const int Hours = 6;

    /// <summary>Minute SO2 with per-minute Min/Max/Cou, and the hour series computed from it as a logger does, rounded.</summary>
    private static (Series Minutes, double[] Avg, double[] Min, double[] Max, double[] Cou) Honest(int seed = 1)
    {
        var avg = Make.Noise(Hours * 60, 40, 5, seed);
        var min = new double[avg.Length];
        var max = new double[avg.Length];
        var cou = new double[avg.Length];
        for (var i = 0; i < avg.Length; i++)
        {
            min[i] = avg[i] - 1;
            max[i] = avg[i] + 1;
            cou[i] = Math.Round(avg[i] * 200 / 1e6, 6);
        }
        var minutes = new Series("SO2-分钟", Make.Start, TimeSpan.FromMinutes(1), avg) { Min = min, Max = max, Cou = cou };
        double[] hAvg = new double[Hours], hMin = new double[Hours], hMax = new double[Hours], hCou = new double[Hours];
        for (var h = 0; h < Hours; h++)
        {
            var slice = avg.AsSpan(h * 60, 60);
            double sum = 0;
            foreach (var x in slice) sum += x;
            hAvg[h] = Math.Round(sum / 60, 2);
            hMin[h] = min.AsSpan(h * 60, 60).ToArray().Min();
            hMax[h] = max.AsSpan(h * 60, 60).ToArray().Max();
            double c = 0;
            foreach (var x in cou.AsSpan(h * 60, 60)) c += x;
            hCou[h] = Math.Round(c, 4);
        }
        return (minutes, hAvg, hMin, hMax, hCou);
    }

    private static Series Hour(double[] avg, double[] min, double[] max, double[] cou) =>
        new("SO2-小时", Make.Start, TimeSpan.FromHours(1), avg) { AggregateOf = "SO2-分钟", Min = min, Max = max, Cou = cou };

    [Fact]
    public void Honest_hours_rounded_by_the_logger_are_silent()
    {
        var (minutes, avg, min, max, cou) = Honest();
        Assert.Empty(Detector.Detect(Make.Set(minutes, Hour(avg, min, max, cou))));
    }

    [Fact]
    public void An_altered_hourly_average_is_reported_at_its_hour()
    {
        var (minutes, avg, min, max, cou) = Honest();
        var reported = avg[3];
        avg[3] = Math.Round(avg[3] * 0.8, 2);
        var found = Assert.Single(Detector.Detect(Make.Set(minutes, Hour(avg, min, max, cou))));

        Assert.Equal(("aggregate-mismatch", "SO2-小时", 3, 3), (found.Signature, found.Column, found.FirstIndex, found.LastIndex));
        Assert.StartsWith($"SO2-小时 2022-08-01 03:00 报均值 {avg[3]:0.00}，而其覆盖的 60 个 SO2-分钟 数据均值为 {reported:0.00}", found.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Consecutive_mismatching_hours_are_one_detection()
    {
        var (minutes, avg, min, max, cou) = Honest();
        max[1] = 30;
        max[2] = 30;
        var found = Assert.Single(Detector.Detect(Make.Set(minutes, Hour(avg, min, max, cou))));
        Assert.Equal((1, 2), (found.FirstIndex, found.LastIndex));
        Assert.Contains("共 2 个统计值", found.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_minimum_or_cumulative_amount_is_reported()
    {
        var (minutes, avg, min, max, cou) = Honest();
        min[0] = 60;
        cou[4] *= 1.2;
        var found = Detector.Detect(Make.Set(minutes, Hour(avg, min, max, cou))).ToList();
        Assert.Equal([0, 4], found.Select(d => d.FirstIndex));
        Assert.Contains("最小值", found[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("累计值", found[1].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void With_minutes_missing_only_an_impossible_maximum_is_reported()
    {
        var (minutes, avg, min, max, cou) = Honest();
        for (var i = 60; i < 180; i += 2) minutes.Values[i] = double.NaN;
        avg[1] *= 1.5; // cannot be checked: the platform lacks half the minutes
        max[2] = minutes.Values[151] - 5; // below a minute actually seen
        var found = Assert.Single(Detector.Detect(Make.Set(minutes, Hour(avg, min, max, cou))));
        Assert.Equal(2, found.FirstIndex);
    }

    [Fact]
    public void A_coarse_series_without_its_fine_series_is_skipped()
    {
        var (_, avg, min, max, cou) = Honest();
        Assert.Empty(Detector.Detect(Make.Set(Hour(avg, min, max, cou))));
    }
}
