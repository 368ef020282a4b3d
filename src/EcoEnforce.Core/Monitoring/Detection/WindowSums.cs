namespace EcoEnforce.Monitoring.Detection;

/// <summary>Prefix sums of a series with missing samples (NaN), so the count, mean and variance of any window come in
/// O(1): one pass and three arrays per series, nothing per sample.</summary>
internal sealed class WindowSums
{
    private readonly double[] _sum;
    private readonly double[] _squares;
    private readonly int[] _count;

    public WindowSums(ReadOnlySpan<double> values)
    {
        _sum = new double[values.Length + 1];
        _squares = new double[values.Length + 1];
        _count = new int[values.Length + 1];
        // Shifting by the first value keeps the sums of squares small, so the variance does not cancel out.
        Offset = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v)) { Offset = v; break; }
        }
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var present = !double.IsNaN(v);
            var x = present ? v - Offset : 0;
            _sum[i + 1] = _sum[i] + x;
            _squares[i + 1] = _squares[i] + x * x;
            _count[i + 1] = _count[i] + (present ? 1 : 0);
        }
    }

    private double Offset { get; }

    /// <summary>Present samples in [from, to).</summary>
    public int Count(int from, int to) => _count[to] - _count[from];

    public double Mean(int from, int to)
    {
        var n = Count(from, to);
        return n == 0 ? double.NaN : (_sum[to] - _sum[from]) / n + Offset;
    }

    /// <summary>Count, mean and population variance of [from, to) in one go (the detectors' inner loops).</summary>
    public int Stats(int from, int to, out double mean, out double variance)
    {
        var n = _count[to] - _count[from];
        var m = (_sum[to] - _sum[from]) / n;
        mean = m + Offset;
        variance = Math.Max(0, (_squares[to] - _squares[from]) / n - m * m);
        return n;
    }

    /// <summary>Population variance of the present samples in [from, to).</summary>
    public double Variance(int from, int to)
    {
        var n = Count(from, to);
        if (n == 0) return double.NaN;
        var mean = (_sum[to] - _sum[from]) / n;
        return Math.Max(0, (_squares[to] - _squares[from]) / n - mean * mean);
    }
}
