namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds for <see cref="LimitBunchingDetector"/>.</summary>
public sealed record LimitBunchingOptions
{
    /// <summary>The band just below the limit starts at this fraction of it (85%).</summary>
    public double BandLow { get; init; } = 0.85;

    /// <summary>Windows of this length are judged separately (7 days: long enough for a few hundred hourly
    /// values, short enough to show when the bunching started); a series shorter than two windows is judged whole.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Fewer positive values in a window than this say nothing (two days of hourly data).</summary>
    public int MinValues { get; init; } = 48;

    /// <summary>Observed values in the band must exceed the prediction by this factor, and also by
    /// <see cref="MinZ"/> and <see cref="MinExcess"/>.</summary>
    public double MinRatio { get; init; } = 1.5;

    /// <summary>The band excess in Poisson standard deviations of the prediction, so a few extra values never fire.</summary>
    public double MinZ { get; init; } = 3;

    /// <summary>The band excess in values.</summary>
    public int MinExcess { get; init; } = 10;

    /// <summary>When the fit expects at least this many values above the limit, no more than
    /// <see cref="MaxAboveShare"/> of them may be observed.</summary>
    public double MinExpectedAbove { get; init; } = 3;

    /// <summary>The share of the expected exceedances that may be observed (the pushed-down values are missing
    /// above the limit; an honest plant exceeds at the rate its own spread predicts).</summary>
    public double MaxAboveShare { get; init; } = 0.5;

    /// <summary>Values within this fraction just below and just above the limit (95–100%, 100–105%) must
    /// differ by <see cref="MinEdgeRatio"/>.</summary>
    public double EdgeWidth { get; init; } = 0.05;

    /// <summary>Just below must be at least this factor (below ≥ 3 × (above + 1)): a wall at the limit.</summary>
    public double MinEdgeRatio { get; init; } = 3;
}

/// <summary>Signature 2, 贴限: too many values just under the limit. The prediction is a log-normal fitted on the
/// lower half of the window's own values (median and 16th percentile): pushing values that would exceed the limit down
/// into the band leaves that half untouched, while a plant that simply runs near the limit has a wide lower half that
/// predicts its crowded band.</summary>
public sealed class LimitBunchingDetector(LimitBunchingOptions? options = null) : IDetector
{
    private static readonly double[] LowerQuantiles = [0.05, 0.1, 0.1587, 0.25, 0.35];
    private static readonly double[] LowerZ = [1.6449, 1.2816, 1.0, 0.6745, 0.3853];

    private readonly LimitBunchingOptions _o = options ?? new();

    public string Signature => "limit-bunching";

    public string Title => "贴限";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var result = new List<Detection>();
        foreach (var s in set.All)
        {
            if (s.Limit is not { } limit || limit <= 0 || s.Count == 0) continue;
            var perWindow = Math.Max(1, (int)(_o.Window / s.Interval));
            var windows = s.Count < 2 * perWindow ? 1 : s.Count / perWindow;
            var buffer = new double[windows == 1 ? s.Count : s.Count - (windows - 1) * perWindow];
            Detection? open = null;
            var merged = 0;
            for (var w = 0; w <= windows; w++)
            {
                var first = w * perWindow;
                var last = w == windows - 1 ? s.Count - 1 : first + perWindow - 1;
                var found = w < windows ? Judge(s, limit, first, last, buffer) : null;
                if (found is not null && open is not null)
                {
                    open = open with { LastIndex = found.LastIndex, To = found.To, Score = Math.Max(open.Score, found.Score) };
                    merged++;
                    continue;
                }
                if (open is not null)
                    result.Add(merged == 1 ? open : open with { Explanation = open.Explanation
                        + $"；至 {DetectionText.Time(open.To)} 共 {merged} 个连续 {DetectionText.Duration(_o.Window)}窗口均如此" });
                open = found;
                merged = found is null ? 0 : 1;
            }
        }
        return result;
    }

    private Detection? Judge(Series s, double limit, int first, int last, double[] buffer)
    {
        var flags = s.Flags;
        int n = 0, inBand = 0, above = 0;
        var bandLow = _o.BandLow * limit;
        for (var i = first; i <= last; i++)
        {
            var v = s.Values[i];
            if (!(v > 0)) continue;
            if (flags is not null && i < flags.Length && flags[i] is { } f && !DetectionText.IsFlag(f, 'N')) continue;
            buffer[n++] = v;
            if (v >= limit) above++;
            else if (v >= bandLow) inBand++;
        }
        if (n < _o.MinValues) return null;
        Array.Sort(buffer, 0, n);
        var median = buffer[n / 2];
        if (!(median > buffer[(int)(0.1587 * (n - 1))])) return null; // no spread: a constant is 恒值, not 贴限
        var mu = Math.Log(median);
        // σ from several lower quantiles rather than one: a week of hourly values gives a noisy 16th percentile.
        double sigmaSum = 0;
        for (var q = 0; q < LowerQuantiles.Length; q++)
            sigmaSum += (mu - Math.Log(buffer[(int)(LowerQuantiles[q] * (n - 1))])) / LowerZ[q];
        var sigma = sigmaSum / LowerQuantiles.Length;
        if (!(sigma > 0)) return null;
        var pLimit = Normal.Cdf((Math.Log(limit) - mu) / sigma);
        var pBand = pLimit - Normal.Cdf((Math.Log(bandLow) - mu) / sigma);
        var expected = n * pBand;
        var expectedAbove = n * (1 - pLimit);
        var excess = inBand - expected;
        var z = excess / Math.Sqrt(Math.Max(expected, 1));
        if (inBand < _o.MinRatio * expected || z < _o.MinZ || excess < _o.MinExcess) return null;
        // Values pushed under the limit are missing above it: when the fit expects exceedances and they occur at the
        // expected rate, a crowded band is chance or a shape the fit misses, not control.
        if (expectedAbove >= _o.MinExpectedAbove && above > _o.MaxAboveShare * expectedAbove) return null;
        // And the crowding must end at the limit: a smooth tail that the log-normal fits badly has about as many
        // values just above the limit as just below it.
        int justBelow = 0, justAbove = 0;
        for (var i = 0; i < n; i++)
        {
            var v = buffer[i];
            if (v >= (1 - _o.EdgeWidth) * limit && v < limit) justBelow++;
            else if (v >= limit && v < (1 + _o.EdgeWidth) * limit) justAbove++;
        }
        if (justBelow < _o.MinEdgeRatio * (justAbove + 1)) return null;

        var score = 0.4 + 0.3 * Math.Clamp((inBand / Math.Max(expected, 1) - _o.MinRatio) / 3, 0, 1)
            + 0.3 * Math.Clamp(1 - above / Math.Max(expectedAbove, 1), 0, 1);
        return DetectionText.Make(Signature, s, first, last, score,
            $"{s.Name} 在 {DetectionText.Span(s.TimeOf(first), s.TimeOf(last))} 的 {n} 个有效值中，有 {inBand} 个（{DetectionText.Pct((double)inBand / n)}）落在限值 {DetectionText.Num(limit)} 的 {DetectionText.Pct(_o.BandLow)}–100% 区间，"
            + $"按该设备自身分布预计约 {expected:0} 个；超过限值的 {above} 个（预计约 {expectedAbove:0} 个），疑似贴限控制");
    }
}

/// <summary>The standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7).</summary>
internal static class Normal
{
    public static double Cdf(double z)
    {
        if (double.IsPositiveInfinity(z)) return 1;
        if (double.IsNegativeInfinity(z)) return 0;
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
