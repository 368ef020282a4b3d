using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

/// <summary>Synthetic series for the detector tests: hourly or minute samples from 2022-08-01, seeded noise.</summary>
internal static class Make
{
    public static readonly DateTime Start = new(2022, 8, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Series Hourly(string name, double[] values, SeriesRole role = SeriesRole.Concentration, string?[]? flags = null,
        double? limit = null, double? rangeMax = null) =>
        new(name, Start, TimeSpan.FromHours(1), values) { Role = role, Flags = flags, Limit = limit, RangeMax = rangeMax };

    public static Series Minutely(string name, double[] values, SeriesRole role = SeriesRole.Concentration, string?[]? flags = null) =>
        new(name, Start, TimeSpan.FromMinutes(1), values) { Role = role, Flags = flags };

    public static SeriesSet Set(params Series[] series) => new(series);

    /// <summary>Normal noise (Box–Muller) rounded to 2 decimals, as loggers send it.</summary>
    public static double[] Noise(int n, double mean, double sd, int seed)
    {
        var random = new Random(seed);
        var v = new double[n];
        for (var i = 0; i < n; i++) v[i] = Math.Round(mean + sd * Gaussian(random), 2);
        return v;
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static string?[] Flags(int n, string flag = "N")
    {
        var f = new string?[n];
        Array.Fill(f, flag);
        return f;
    }

    public static T[] With<T>(T[] values, int first, int last, T value)
    {
        var copy = (T[])values.Clone();
        for (var i = first; i <= last; i++) copy[i] = value;
        return copy;
    }
}
