using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

public sealed class FlagAbuseDetectorTests
{
    private static readonly FlagAbuseDetector Detector = new();

    [Fact]
    public void A_day_with_too_many_maintenance_flags_is_reported_as_the_whole_day()
    {
        var flags = Make.With(Make.Flags(120), 30, 34, "M");
        flags[40] = "C";
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", Make.Noise(120, 40, 5, 1), flags: flags))));

        Assert.Equal((24, 47), (found.FirstIndex, found.LastIndex));
        Assert.Contains("有 6 个（25%）带无效标记：维护（M） 5 个、校准（C） 1 个，最长连续 5 个小时", found.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_daily_calibration_hour_is_normal()
    {
        var flags = Make.Flags(24 * 7);
        for (var d = 0; d < 7; d++) flags[d * 24 + 3] = "C";
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("SO2", Make.Noise(24 * 7, 40, 5, 2), flags: flags))));
    }

    [Fact]
    public void Consecutive_bad_days_are_one_detection()
    {
        var flags = Make.With(Make.Flags(24 * 5), 24, 71, "D");
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("SO2", Make.Noise(24 * 5, 40, 5, 3), flags: flags))));
        Assert.Equal((24, 71), (found.FirstIndex, found.LastIndex));
    }

    [Fact]
    public void Stopped_flag_while_flow_runs_is_reported()
    {
        var flow = Make.Noise(72, 12000, 500, 4);
        var flags = Make.With(Make.Flags(72), 30, 35, "F");
        var found = Assert.Single(Detector.Detect(Make.Set(Make.Hourly("流量", flow, SeriesRole.Flow, flags))));

        Assert.Equal((30, 35), (found.FirstIndex, found.LastIndex));
        Assert.Contains("连续 6 个小时标记为停运（F），但同期 流量 为", found.Explanation, StringComparison.Ordinal);
        Assert.Contains("疑似标停未停", found.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stopped_flag_with_the_flow_down_or_for_two_hours_of_ramp_is_silent()
    {
        var flow = Make.With(Make.Noise(72, 12000, 500, 5), 30, 40, 50.0);
        var flags = Make.With(Make.Flags(72), 28, 40, "F"); // 28 and 29 still show flow: the plant is stopping
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("流量", flow, SeriesRole.Flow, flags))));
    }

    [Fact]
    public void Series_sharing_the_same_flags_are_reported_once()
    {
        var flags = Make.With(Make.Flags(48), 30, 40, "M");
        var set = Make.Set(Make.Hourly("SO2", Make.Noise(48, 40, 5, 6), flags: flags), Make.Hourly("NOx", Make.Noise(48, 80, 5, 7), flags: (string?[])flags.Clone()));
        var found = Assert.Single(Detector.Detect(set));
        Assert.Equal("SO2", found.Column);
    }

    [Fact]
    public void Series_without_flags_are_skipped()
    {
        Assert.Empty(Detector.Detect(Make.Set(Make.Hourly("SO2", Make.Noise(48, 40, 5, 8)))));
    }
}
