using System.Diagnostics;
using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Bench;

/// <summary><c>--detect [--units 52] [--days 30]</c>: all detectors over synthetic minute data held in memory, one set
/// per unit with 8 quantities (3 pollutants with limits and flags, flow, O₂, temperature, pressure, load), first on one
/// thread, then on every core. It measures the detectors alone; reading the same data from storage is not included.</summary>
public static class DetectLoad
{
    public static void Run(string[] args)
    {
        var units = Arg(args, "--units", 52);
        var days = Arg(args, "--days", 30);
        var samples = days * 1440;
        var sets = Enumerable.Range(0, units).Select(u => Unit(u, samples)).ToList();
        var readings = (long)units * 8 * samples;
        Console.WriteLine($"{units} units × 8 quantities × {samples:N0} minutes = {readings:N0} readings, {Detectors.All.Count} detectors");

        Detectors.Run(sets[0]); // warm-up: JIT and tiering
        var best = double.MaxValue;
        var found = 0;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            found = sets.Sum(s => Detectors.Run(s).Count);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"one thread: {best:F2} s, {readings / best / 1e6:F1} M readings/s, {found} detections");
        // Each detector alone, so the slowest is visible (same run, same data: the shares are comparable).
        foreach (var detector in Detectors.All)
        {
            var watch = Stopwatch.StartNew();
            foreach (var set in sets) _ = detector.Detect(set).Count();
            Console.WriteLine($"  {detector.GetType().Name,-28} {watch.Elapsed.TotalSeconds / best * 100,5:F1} % of one thread");
        }
        var parallel = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            Parallel.ForEach(sets, s => Detectors.Run(s));
            parallel = Math.Min(parallel, watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{Environment.ProcessorCount} cores: {parallel:F2} s, {readings / parallel / 1e6:F1} M readings/s");
        Console.WriteLine($"one year of 52 units × 8 quantities (≈ {52L * 8 * 525_600 / 1e6:F0} M readings) at that rate: {52L * 8 * 525_600 / (readings / parallel):F0} s");
    }

    /// <summary>A plant on a daily load cycle with noisy analyzers and occasional faults, so detectors have work to do.</summary>
    private static SeriesSet Unit(int unit, int n)
    {
        var random = new Random(unit);
        var start = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        double[] Make(Func<int, double, double> f)
        {
            var v = new double[n];
            for (var i = 0; i < n; i++) v[i] = f(i, random.NextDouble() - 0.5);
            return v;
        }
        var load = Make((i, e) => 80 + 20 * Math.Sin(i * 2 * Math.PI / 1440) + e * 4);
        var flags = new string?[n];
        for (var i = 0; i < n; i++) flags[i] = i % 1440 < 5 ? "C" : "N";
        Series S(string name, SeriesRole role, double[] values, double? limit = null) =>
            new(name, start, TimeSpan.FromMinutes(1), values) { Role = role, Limit = limit, Flags = flags };
        var so2 = Make((i, e) => load[i] * 0.4 + e * 6);
        for (var i = n / 3; i < n / 3 + 600; i++) so2[i] = 33.3; // a frozen stretch
        return new SeriesSet(
        [
            S("a21026", SeriesRole.Concentration, so2, 50),
            S("a21002", SeriesRole.Concentration, Make((i, e) => load[i] * 0.9 + e * 10), 100),
            S("a34013", SeriesRole.Concentration, Make((i, e) => 8 + e * 2), 20),
            S("a00000", SeriesRole.Flow, Make((i, e) => load[i] * 1.5 + e * 5)),
            S("a19001", SeriesRole.Oxygen, Make((i, e) => 9 + e)),
            S("a01012", SeriesRole.Temperature, Make((i, e) => 120 + e * 3)),
            S("a01013", SeriesRole.Pressure, Make((i, e) => -0.2 + e * 0.05)),
            S("load", SeriesRole.Load, load),
        ]);
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
