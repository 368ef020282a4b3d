namespace EcoEnforce.Monitoring.Detection;

/// <summary>Medians in O(n) (quickselect on one scratch copy) rather than a sort: detectors take several per series.</summary>
internal static class Quantiles
{
    /// <summary>Median of the present (non-NaN) values, optionally of their absolute values; NaN when none is present.</summary>
    public static double Median(double[] values, bool absolute = false)
    {
        var scratch = new double[values.Length];
        var n = 0;
        foreach (var v in values)
            if (!double.IsNaN(v)) scratch[n++] = absolute ? Math.Abs(v) : v;
        if (n == 0) return double.NaN;
        var upper = Select(scratch, n, n / 2);
        if (n % 2 == 1) return upper;
        // The lower middle is the largest value left of the upper one after the partition.
        var lower = double.MinValue;
        for (var i = 0; i < n / 2; i++) lower = Math.Max(lower, scratch[i]);
        return (lower + upper) / 2;
    }

    /// <summary>The k-th smallest of a[0..n) (0-based); partitions a in place so that a[0..k) ≤ a[k].</summary>
    public static double Select(double[] a, int n, int k)
    {
        int left = 0, right = n - 1;
        while (left < right)
        {
            var pivot = a[left + (right - left) / 2];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { (a[i], a[j]) = (a[j], a[i]); i++; j--; }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return a[k];
        }
        return a[k];
    }
}
