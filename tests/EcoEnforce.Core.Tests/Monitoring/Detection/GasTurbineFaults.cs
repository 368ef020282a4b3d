using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

/// <summary>Faults injected into copies of a real year, each at one seeded random position.
/// Each returns the set to run and the injected stretch [First, Last].</summary>
public static class GasTurbineFaults
{
    public sealed record Injected(SeriesSet Set, int First, int Last);

    public static Series With(Series s, double[] values, SeriesRole? role = null, string? name = null) =>
        new(name ?? s.Name, s.Start, s.Interval, values) { Role = role ?? s.Role, Limit = s.Limit, RangeMax = s.RangeMax };

    public static Series Named(SeriesSet set, string name) => set.All.Single(s => s.Name == name);

    /// <summary>突变: from a random hour on, the reported concentration is scaled by <paramref name="factor"/> for a week
    /// (0.5 = reports halved), the load untouched.</summary>
    public static Injected RegimeBreak(SeriesSet year, string column, double factor, Random random)
    {
        const int length = 168;
        var s = Named(year, column);
        var first = random.Next(48, s.Count - length - 48);
        var values = (double[])s.Values.Clone();
        for (var i = first; i < first + length; i++) values[i] *= factor;
        return new(Replace(year, With(s, values)), first, first + length - 1);
    }

    /// <summary>恒值: the reported value frozen at its first reading for <paramref name="hours"/> hours while the plant runs.</summary>
    public static Injected Stuck(SeriesSet year, string column, int hours, Random random)
    {
        var s = Named(year, column);
        var first = random.Next(48, s.Count - hours - 48);
        while (double.IsNaN(s.Values[first])) first++;
        var values = (double[])s.Values.Clone();
        for (var i = first + 1; i < first + hours; i++) values[i] = values[first];
        return new(Replace(year, With(s, values)), first, first + hours - 1);
    }

    /// <summary>异常值: <paramref name="hours"/> hours of a logger's sentinel (9999) in place of readings.</summary>
    public static Injected Sentinel(SeriesSet year, string column, int hours, Random random)
    {
        var s = Named(year, column);
        var first = random.Next(48, s.Count - hours - 48);
        var values = (double[])s.Values.Clone();
        for (var i = first; i < first + hours; i++) values[i] = 9999;
        return new(Replace(year, With(s, values)), first, first + hours - 1);
    }

    /// <summary>与生产不匹配: for two days, the emission is pulled towards its own mean by <paramref name="strength"/>
    /// (1 = flat plus 2% noise) while the load keeps moving. Positions are drawn among stretches where the load moves
    /// (its standard deviation at least half the year's), since a decoupling cannot be seen while the load is steady.</summary>
    public static Injected LoadMismatch(SeriesSet year, string column, double strength, Random random)
    {
        const int length = 48;
        var s = Named(year, column);
        var load = Named(year, "TEY").Values;
        var yearStd = Std(load, 0, load.Length);
        int first;
        do first = random.Next(48, s.Count - length - 48);
        while (Std(load, first, first + length) < 0.5 * yearStd);
        var values = (double[])s.Values.Clone();
        var mean = 0.0;
        for (var i = first; i < first + length; i++) mean += values[i] / length;
        for (var i = first; i < first + length; i++)
            values[i] = (1 - strength) * values[i] + strength * (mean + 0.02 * mean * Gaussian(random));
        return new(Replace(year, With(s, values)), first, first + length - 1);
    }

    /// <summary>A year with the O₂ (15% ± AR(1) noise, as a gas turbine runs) and corrected NOX (reference 15%, rounded
    /// to 0.01) its analyzers would report if all were honest.</summary>
    public static SeriesSet WithOxygen(SeriesSet year, Random random)
    {
        var nox = Named(year, "NOX");
        var o2 = new double[nox.Count];
        var corrected = new double[nox.Count];
        var e = 0.0;
        for (var i = 0; i < o2.Length; i++)
        {
            e = 0.9 * e + 0.13 * Gaussian(random);
            o2[i] = Math.Round(15 + e, 2);
            corrected[i] = Math.Round(nox.Values[i] * (21 - 15) / (21 - o2[i]), 2);
        }
        return new SeriesSet([.. year.All, With(nox, o2, SeriesRole.Oxygen, "O2"), With(nox, corrected, SeriesRole.CorrectedConcentration, "NOX_ZS")]);
    }

    /// <summary>稀释: for 12 hours air is let in, O₂ rises by <paramref name="rise"/> points and the measured NOX falls by
    /// the dilution factor. Half the injections report the corrected value honestly (only the O₂ rise betrays them),
    /// half correct it with the undiluted O₂ (so the corrected value drops too, inconsistent with O₂).</summary>
    public static Injected Dilution(SeriesSet withOxygen, double rise, bool honestCorrection, Random random)
    {
        const int length = 12;
        var nox = Named(withOxygen, "NOX");
        var o2 = Named(withOxygen, "O2");
        var corrected = Named(withOxygen, "NOX_ZS");
        var first = random.Next(48, nox.Count - length - 48);
        var n = (double[])nox.Values.Clone();
        var o = (double[])o2.Values.Clone();
        var c = (double[])corrected.Values.Clone();
        for (var i = first; i < first + length; i++)
        {
            var diluted = o[i] + rise;
            n[i] *= (21 - diluted) / (21 - o[i]);
            c[i] = Math.Round(n[i] * (21 - 15) / (21 - (honestCorrection ? diluted : o[i])), 2);
            o[i] = diluted;
        }
        var set = Replace(Replace(Replace(withOxygen, With(nox, n)), With(o2, o)), With(corrected, c));
        return new(set, first, first + length - 1);
    }

    /// <summary>三方不一致: NOX as the data acquisition instrument, the analyzer (same value ± 0.3% noise) and the
    /// platform (rounded to 0.01); for 6 hours the instrument and the platform report <paramref name="cut"/> less than
    /// the analyzer shows.</summary>
    public static Injected ThreeWay(SeriesSet year, double cut, Random random, bool inject = true)
    {
        const int length = 6;
        var nox = Named(year, "NOX");
        var das = (double[])nox.Values.Clone();
        var analyzer = new double[das.Length];
        var platform = new double[das.Length];
        for (var i = 0; i < das.Length; i++)
        {
            analyzer[i] = Math.Round(das[i] * (1 + 0.003 * Gaussian(random)), 3);
            platform[i] = Math.Round(das[i], 2);
        }
        var first = random.Next(48, das.Length - length - 48);
        if (inject)
        {
            for (var i = first; i < first + length; i++)
            {
                das[i] *= 1 - cut;
                platform[i] = Math.Round(das[i], 2);
            }
        }
        var set = new SeriesSet([.. year.All.Where(s => s.Name != "NOX"), With(nox, das), With(nox, analyzer, name: "NOX@analyzer"), With(nox, platform, name: "NOX@platform")]);
        return new(set, first, first + length - 1);
    }

    private static SeriesSet Replace(SeriesSet set, Series replacement) =>
        new([.. set.All.Select(s => s.Name == replacement.Name ? replacement : s)]);

    private static double Std(double[] v, int from, int to)
    {
        double sum = 0, squares = 0;
        for (var i = from; i < to; i++) { sum += v[i]; squares += v[i] * v[i]; }
        var mean = sum / (to - from);
        return Math.Sqrt(Math.Max(0, squares / (to - from) - mean * mean));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
