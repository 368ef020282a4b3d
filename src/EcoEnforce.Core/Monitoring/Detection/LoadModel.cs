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
        var n = Math.Min(values.Length, load.Length);
        var paired = 0;
        for (var i = 0; i < n; i++)
            if (!double.IsNaN(values[i]) && !double.IsNaN(load[i])) paired++;
        var residuals = new double[values.Length];
        if (paired < bins * 10)
        {
            Array.Copy(values, residuals, values.Length);
            return residuals;
        }
        var sorted = new double[paired];
        var k = 0;
        for (var i = 0; i < n; i++)
            if (!double.IsNaN(values[i]) && !double.IsNaN(load[i])) sorted[k++] = load[i];
        Array.Sort(sorted);
        var edges = new double[bins - 1];
        for (var b = 1; b < bins; b++) edges[b - 1] = sorted[b * paired / bins];
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
        for (var i = 0; i < residuals.Length; i++)
        {
            residuals[i] = i < n && !double.IsNaN(values[i]) && !double.IsNaN(load[i])
                ? values[i] - Interpolate(loadSum, valueSum, knots, load[i])
                : double.NaN;
        }
        return residuals;
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
