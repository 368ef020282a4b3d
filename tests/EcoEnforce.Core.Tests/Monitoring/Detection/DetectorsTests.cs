using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

public sealed class DetectorsTests
{
    public static TheoryData<string> Signatures => [.. Detectors.All.Select(d => d.Signature)];

    [Fact]
    public void The_registry_lists_signatures_1_to_5_and_8_in_order()
    {
        Assert.Equal(["stuck", "limit-bunching", "invalid-values", "flag-abuse", "completeness", "aggregate-mismatch"],
            Detectors.All.Select(d => d.Signature).Take(6));
    }

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Empty_and_single_sample_series_do_not_crash(string signature)
    {
        var detector = Detectors.All.Single(d => d.Signature == signature);
        var one = new Series("SO2", Make.Start, TimeSpan.FromHours(1), [42]) { Limit = 50, Flags = ["F"], AggregateOf = "SO2-分钟" };
        SeriesSet[] sets =
        [
            Make.Set(),
            Make.Set(Make.Hourly("SO2", [], limit: 50, flags: [])),
            Make.Set(one, Make.Hourly("负荷", [double.NaN], SeriesRole.Load), Make.Minutely("SO2-分钟", [41, double.NaN])),
            Make.Set(Make.Hourly("SO2", [double.NaN, double.NaN, double.NaN], limit: 50)),
        ];
        foreach (var set in sets) _ = detector.Detect(set).ToList();
    }

    [Fact]
    public void Run_is_deterministic()
    {
        var nox = Make.With(Make.Noise(24 * 14, 40, 5, 1), 20, 28, 35.2);
        nox[40] = -1;
        for (var i = 50; i < 60; i++) nox[i] = double.NaN;
        var flags = Make.With(Make.Flags(nox.Length), 100, 110, "M");
        var flow = Make.With(Make.Noise(nox.Length, 12000, 800, 2), 30, 40, 12000.0);
        var set = Make.Set(Make.Hourly("NOx", nox, flags: flags, limit: 45), Make.Hourly("流量", flow, SeriesRole.Flow, (string?[])flags.Clone()));

        var first = Detectors.Run(set);
        var second = Detectors.Run(set, [.. Detectors.All]);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(first.OrderBy(d => d.Column, StringComparer.Ordinal).ThenBy(d => d.FirstIndex), first);
    }
}
