namespace EcoEnforce.Monitoring.Detection;

/// <summary>What a series usually reads at a given load, learned from the series itself: the mean of the series in each
/// of a few load quantile bins, joined piecewise-linearly between the bins' mean loads. Non-linear relations (CO of a gas
/// turbine climbs steeply at part load) are followed where a straight line would leave load-shaped residuals.</summary>
internal static class LoadModel
{
    /// <summary>The series minus its expected value at the sample's load; NaN where either is missing. Without enough
    /// paired samples the series is returned unchanged (nothing to explain with).</summary>
    public static double[] Residuals(double[] values, double[] load, int bins = 10)
    {
        var expected = Expected(values, load, bins);
        if (expected is null) return (double[])values.Clone();
        for (var i = 0; i < expected.Length; i++) expected[i] = values[i] - expected[i];
        return expected;
    }

    /// <summary>What the series is expected to read at each sample's load (NaN where the load is missing), or null without
    /// enough paired samples to learn from.</summary>
    public static double[]? Expected(double[] values, double[] load, int bins = 10)
    {
        var n = Math.Min(values.Length, load.Length);
        var paired = 0;
        for (var i = 0; i < n; i++)
            if (!double.IsNaN(values[i]) && !double.IsNaN(load[i])) paired++;
        if (paired < bins * 10) return null;
        var edges = paired == LoadEdges.PresentLoads(load, n) ? LoadEdges.Of(load, n, bins) : Edges(values, load, n, paired, bins);
        var loadSum = new double[bins];
        var valueSum = new double[bins];
        var count = new int[bins];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]) || double.IsNaN(load[i])) continue;
            var b = Bin(edges, load[i]);
            loadSum[b] += load[i];
            valueSum[b] += values[i];
            count[b]++;
        }
        // Bins emptied by ties (a load that sits on one value) are dropped from the knots.
        var knots = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] == 0) continue;
            loadSum[knots] = loadSum[b] / count[b];
            valueSum[knots] = valueSum[b] / count[b];
            knots++;
        }
        var expected = new double[values.Length];
        for (var i = 0; i < expected.Length; i++)
            expected[i] = i < n && !double.IsNaN(load[i]) ? Interpolate(loadSum, valueSum, knots, load[i]) : double.NaN;
        return expected;
    }

    /// <summary>Bin edges at the quantiles of the load where the series is present.</summary>
    private static double[] Edges(double[] values, double[] load, int n, int paired, int bins)
    {
        var sorted = new double[paired];
        var k = 0;
        for (var i = 0; i < n; i++)
            if (!double.IsNaN(values[i]) && !double.IsNaN(load[i])) sorted[k++] = load[i];
        return EdgesOfSorted(sorted, bins);
    }

    private static double[] EdgesOfSorted(double[] sorted, int bins)
    {
        Array.Sort(sorted);
        var edges = new double[bins - 1];
        for (var b = 1; b < bins; b++) edges[b - 1] = sorted[b * sorted.Length / bins];
        return edges;
    }

    /// <summary>Most series are present wherever the load is, and then their bin edges are the load's own quantiles:
    /// sorted once per load series, not once per pollutant and detector (the sort is the model's largest cost).</summary>
    private static class LoadEdges
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<double[], Dictionary<(int N, int Bins), double[]>> Cache = new();
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<double[], Dictionary<int, int>> Present = new();

        public static int PresentLoads(double[] load, int n)
        {
            var counts = Present.GetOrCreateValue(load);
            lock (counts)
            {
                if (counts.TryGetValue(n, out var known)) return known;
                var present = 0;
                for (var i = 0; i < n; i++)
                    if (!double.IsNaN(load[i])) present++;
                return counts[n] = present;
            }
        }

        public static double[] Of(double[] load, int n, int bins)
        {
            var edges = Cache.GetOrCreateValue(load);
            lock (edges)
            {
                if (edges.TryGetValue((n, bins), out var known)) return known;
                var sorted = new double[PresentLoads(load, n)];
                var k = 0;
                for (var i = 0; i < n; i++)
                    if (!double.IsNaN(load[i])) sorted[k++] = load[i];
                return edges[(n, bins)] = EdgesOfSorted(sorted, bins);
            }
        }
    }

    /// <summary>Clips values to median ± <paramref name="k"/> robust standard deviations (1.4826 × MAD), so that single
    /// spikes cannot pass for a change of level or variability. Works in place.</summary>
    public static void Winsorize(double[] values, double k)
    {
        var median = Quantiles.Median(values);
        if (double.IsNaN(median)) return;
        var deviations = new double[values.Length];
        for (var i = 0; i < values.Length; i++) deviations[i] = Math.Abs(values[i] - median);
        var sigma = 1.4826 * Quantiles.Median(deviations);
        if (!(sigma > 0)) return;
        for (var i = 0; i < values.Length; i++)
            if (!double.IsNaN(values[i])) values[i] = Math.Clamp(values[i], median - k * sigma, median + k * sigma);
    }

    private static int Bin(double[] edges, double x)
    {
        var b = 0;
        while (b < edges.Length && x >= edges[b]) b++;
        return b;
    }

    private static double Interpolate(double[] x, double[] y, int knots, double at)
    {
        if (knots == 1 || at <= x[0]) return y[0];
        if (at >= x[knots - 1]) return y[knots - 1];
        var k = 1;
        while (x[k] < at) k++;
        var span = x[k] - x[k - 1];
        return span <= 0 ? y[k] : y[k - 1] + (y[k] - y[k - 1]) * (at - x[k - 1]) / span;
    }
}
