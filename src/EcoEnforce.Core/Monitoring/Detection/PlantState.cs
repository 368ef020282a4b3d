namespace EcoEnforce.Monitoring.Detection;

/// <summary>Whether the plant runs at each sample, from the load series (or else flow): 1 running, 0 stopped,
/// -1 unknown. "Stopped" means below <c>fraction</c> of the typical level (the median of positive values), so a
/// plant idling at a few percent counts as stopped; flag F also counts as stopped.</summary>
internal static class PlantState
{
    public static sbyte[] Of(SeriesSet set, int count, double fraction)
    {
        var state = new sbyte[count];
        Array.Fill(state, (sbyte)-1);
        var evidence = set.First(SeriesRole.Load) ?? set.First(SeriesRole.Flow);
        if (evidence is not null)
        {
            var typical = TypicalPositive(evidence.Values);
            var n = Math.Min(count, evidence.Count);
            for (var i = 0; i < n; i++)
            {
                var v = evidence.Values[i];
                if (!double.IsNaN(v) && typical > 0)
                    state[i] = v > fraction * typical ? (sbyte)1 : (sbyte)0;
            }
        }
        foreach (var s in set.All)
        {
            if (s.Flags is not { } flags) continue;
            var n = Math.Min(count, flags.Length);
            for (var i = 0; i < n; i++)
                if (DetectionText.IsFlag(flags[i], 'F') && state[i] != 1) state[i] = 0;
        }
        return state;
    }

    public static int MaxCount(SeriesSet set)
    {
        var max = 0;
        foreach (var s in set.All) max = Math.Max(max, s.Count);
        return max;
    }

    /// <summary>The median of the positive valid values (0 when there are none): the level of normal operation.</summary>
    public static double TypicalPositive(double[] values, string?[]? flags = null)
    {
        var sample = Sample(values, flags, positiveOnly: true);
        return sample.Length == 0 ? 0 : sample[sample.Length / 2];
    }

    /// <summary>At most <see cref="MaxSample"/> valid values (evenly strided, skipping flag F when flags are given),
    /// sorted: enough for medians and percentile ranks to within a fraction of a percent without sorting millions of
    /// minute values.</summary>
    public static double[] Sample(double[] values, string?[]? flags = null, bool positiveOnly = false)
    {
        var stride = Math.Max(1, values.Length / MaxSample);
        var n = 0;
        for (var i = 0; i < values.Length; i += stride) if (Keep(values, flags, positiveOnly, i)) n++;
        var sample = new double[n];
        n = 0;
        for (var i = 0; i < values.Length; i += stride) if (Keep(values, flags, positiveOnly, i)) sample[n++] = values[i];
        Array.Sort(sample);
        return sample;
    }

    public const int MaxSample = 8192;

    private static bool Keep(double[] values, string?[]? flags, bool positiveOnly, int i) =>
        (positiveOnly ? values[i] > 0 : !double.IsNaN(values[i])) && !(flags is not null && i < flags.Length && DetectionText.IsFlag(flags[i], 'F'));
}
