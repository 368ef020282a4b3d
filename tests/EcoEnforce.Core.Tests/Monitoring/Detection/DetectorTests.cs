using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

/// <summary>Signatures 6, 7, 9 and 10 on small synthetic series: each fires on its fault and stays quiet without it.</summary>
public sealed class DetectorTests
{
    private static readonly DateTime Start = new(2024, 3, 1);

    private static Series S(string name, double[] values, SeriesRole role = SeriesRole.Concentration) =>
        new(name, Start, TimeSpan.FromHours(1), values) { Role = role };

    /// <summary>A daily load cycle with a little seeded noise.</summary>
    private static double[] Load(int n, Random random) =>
        [.. Enumerable.Range(0, n).Select(i => 100 + 40 * Math.Sin(2 * Math.PI * i / 24) + random.NextDouble() * 4)];

    private static double[] Follow(double[] load, Random random) => [.. load.Select(l => 0.5 * l + random.NextDouble() * 3)];

    [Fact]
    public void Load_mismatch_flags_an_emission_that_goes_flat_while_the_load_cycles()
    {
        var random = new Random(1);
        var load = Load(24 * 20, random);
        var nox = Follow(load, random);
        Assert.Empty(new LoadMismatchDetector().Detect(new([S("TEY", load, SeriesRole.Load), S("NOX", nox)])));
        for (var i = 240; i < 300; i++) nox[i] = 50 + random.NextDouble();
        var d = Assert.Single(new LoadMismatchDetector().Detect(new([S("TEY", load, SeriesRole.Load), S("NOX", nox)])));
        Assert.Equal("load-mismatch", d.Signature);
        Assert.InRange(d.FirstIndex, 230, 260);
        Assert.InRange(d.LastIndex, 280, 310);
        Assert.Contains("负荷 TEY", d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Regime_break_reports_the_break_point_and_both_levels()
    {
        var random = new Random(2);
        var load = Enumerable.Range(0, 240).Select(i => 100 + 10 * Math.Sin(2 * Math.PI * i / 24) + random.NextDouble() * 4).ToArray();
        var so2 = Follow(load, random);
        Assert.Empty(new RegimeBreakDetector().Detect(new([S("TEY", load, SeriesRole.Load), S("SO2", so2)])));
        for (var i = 120; i < so2.Length; i++) so2[i] *= 0.4;
        var d = Assert.Single(new RegimeBreakDetector().Detect(new([S("TEY", load, SeriesRole.Load), S("SO2", so2)])));
        Assert.InRange(d.FirstIndex, 117, 123);
        Assert.Equal(Start.AddHours(d.FirstIndex), d.From);
        Assert.Contains("降低", d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Regime_break_is_explained_away_by_a_matching_change_of_load()
    {
        var random = new Random(3);
        var load = Enumerable.Range(0, 240).Select(i => (i < 120 ? 150.0 : 60.0) + random.NextDouble() * 4).ToArray();
        var so2 = Follow(load, random);
        Assert.Empty(new RegimeBreakDetector().Detect(new([S("TEY", load, SeriesRole.Load), S("SO2", so2)])));
    }

    [Fact]
    public void Dilution_flags_oxygen_towards_ambient_with_falling_concentration_and_an_inconsistent_correction()
    {
        var random = new Random(4);
        var n = 200;
        var o2 = Enumerable.Range(0, n).Select(_ => 9 + random.NextDouble() * 0.4).ToArray();
        var so2 = Enumerable.Range(0, n).Select(_ => 80 + random.NextDouble() * 5).ToArray();
        var corrected = so2.Select((c, i) => c * (21 - 11) / (21 - o2[i])).ToArray();
        SeriesSet Set() => new([S("SO2", so2), S("SO2_ZS", corrected, SeriesRole.CorrectedConcentration), S("O2", o2, SeriesRole.Oxygen)]);
        Assert.Empty(new DilutionDetector().Detect(Set()));
        for (var i = 100; i < 110; i++)
        {
            o2[i] = 16;
            so2[i] *= (21 - 16) / (21 - 9.2);
            corrected[i] = so2[i] * (21 - 11) / (21 - 9.2); // corrected with the undiluted O₂
        }
        var found = new DilutionDetector().Detect(Set()).ToList();
        Assert.Contains(found, d => d.Column == "SO2" && d.FirstIndex == 100 && d.LastIndex == 109);
        var inconsistent = Assert.Single(found, d => d.Column == "SO2_ZS");
        Assert.Contains("(21 − 11)", inconsistent.Explanation, StringComparison.Ordinal); // O₂ref inferred from the data
    }

    [Fact]
    public void Three_way_mismatch_groups_disagreeing_samples_into_runs_by_base_name()
    {
        var values = Enumerable.Range(0, 48).Select(i => 40.0 + i % 5).ToArray();
        var analyzer = (double[])values.Clone();
        var platform = values.Select(v => Math.Round(v, 2)).ToArray();
        analyzer[7] = double.NaN; // the analyzer was read only now and then
        Assert.Empty(new ThreeWayMismatchDetector().Detect(new([S("NOX", values), S("NOX@analyzer", analyzer), S("NOX@platform", platform)])));
        for (var i = 10; i < 14; i++) platform[i] = values[i] * 0.8;
        var d = Assert.Single(new ThreeWayMismatchDetector().Detect(new([S("NOX", values), S("NOX@analyzer", analyzer), S("NOX@platform", platform)])));
        Assert.Equal(("NOX", 10, 13), (d.Column, d.FirstIndex, d.LastIndex));
        Assert.Contains("平台", d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_lists_signatures_6_7_9_and_10()
    {
        var signatures = Detectors.All.Select(d => d.Signature).ToList();
        Assert.Contains("load-mismatch", signatures);
        Assert.Contains("dilution", signatures);
        Assert.Contains("regime-break", signatures);
        Assert.Contains("three-way-mismatch", signatures);
    }
}
