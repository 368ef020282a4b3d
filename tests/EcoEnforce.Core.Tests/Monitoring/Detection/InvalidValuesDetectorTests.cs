using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

public sealed class InvalidValuesDetectorTests
{
    private static readonly InvalidValuesDetector Detector = new();

    [Fact]
    public void Consecutive_zero_oxygen_is_one_detection()
    {
        var o2 = Make.With(Make.Noise(48, 10, 1, 1), 5, 7, 0.0);
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("O2", o2, SeriesRole.Oxygen))));
        Assert.Equal(("invalid-values", 5, 7), (found.Signature, found.FirstIndex, found.LastIndex));
        Assert.Equal("O2 在 2022-08-01 05:00 至 07:00 连续 3 个小时值为 0.00（氧含量不可能为 0），疑似数据无效", found.Explanation);
    }

    [Fact]
    public void Negatives_sentinels_and_range_capped_values_are_reported_separately()
    {
        var so2 = Make.Noise(48, 40, 5, 2);
        so2[3] = -1.5;
        so2[4] = -0.2;
        so2[10] = 9999;
        so2[20] = 500;
        so2[21] = 500;
        var found = Detector.Detect(Make.Set(Make.Hourly("SO2", so2, rangeMax: 500))).ToList();

        Assert.Equal([(3, 4), (10, 10), (20, 21)], found.Select(d => (d.FirstIndex, d.LastIndex)));
        Assert.Contains("监测值不可能为负", found[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("占位值", found[1].Explanation, StringComparison.Ordinal);
        Assert.Contains("量程 500.00", found[2].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_is_reported_only_when_repeated()
    {
        var once = Make.Noise(48, 40, 5, 3);
        once[5] = 0.001;
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("SO2", once))));

        var repeated = Make.With(once, 10, 12, 0.001);
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", repeated))));
        Assert.Equal((10, 12), (found.FirstIndex, found.LastIndex));
    }

    [Fact]
    public void Impossible_physics_is_reported()
    {
        var o2 = Make.Noise(24, 10, 1, 4);
        o2[6] = 21.5;
        var temperature = Make.Noise(24, 120, 5, 5);
        temperature[8] = 1200;
        var corrected = Make.Noise(24, 50, 5, 6);
        var set = Make.Set(Make.Hourly("O2", o2, SeriesRole.Oxygen), Make.Hourly("烟温", temperature, SeriesRole.Temperature),
            Make.Hourly("SO2折算", corrected, SeriesRole.CorrectedConcentration));

        var found = Detector.Detect(set).ToList();

        Assert.Equal([("O2", 6), ("烟温", 8), ("SO2折算", 6)], found.Select(d => (d.Column, d.FirstIndex)));
    }

    [Fact]
    public void Zero_flow_counts_only_while_the_load_runs()
    {
        var load = Make.With(Make.Noise(24, 300, 20, 7), 0, 5, 0.0);
        var flow = Make.With(Make.Noise(24, 12000, 500, 8), 0, 5, 0.0);
        flow[12] = 0;
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("流量", flow, SeriesRole.Flow), Make.Hourly("负荷", load, SeriesRole.Load))));
        Assert.Equal(12, found.FirstIndex);
    }

    [Fact]
    public void Flagged_and_missing_samples_and_negative_pressure_are_not_reported()
    {
        var so2 = Make.Noise(24, 40, 5, 9);
        so2[3] = -5;
        so2[4] = double.NaN;
        var flags = Make.Flags(24);
        flags[3] = "D";
        var pressure = Make.Noise(24, -0.3, 0.05, 10);
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("SO2", so2, flags: flags), Make.Hourly("静压", pressure, SeriesRole.Pressure))));
    }
}
