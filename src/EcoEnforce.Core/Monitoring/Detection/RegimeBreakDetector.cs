namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds of <see cref="RegimeBreakDetector"/>.</summary>
/// <param name="Window">Samples on each side of a candidate break: the shortest segment a new level must hold (24 = a day of hours).</param>
/// <param name="MinLevelShift">Change of the load-adjusted mean, in pooled within-window standard deviations.</param>
/// <param name="MinRelativeShift">…and at least this share of the series' typical level (median of |value|), so tiny
/// but very regular series do not break on noise.</param>
/// <param name="MinVarianceRatio">Ratio of the window variances that counts as a variance break (100 = standard deviation ×10: day-to-day changes of volatility up to ×8 are normal for CO of a cycling turbine).</param>
/// <param name="MaxLoadChange">A break where the load's mean moves by this share or more is left alone: the plant changed
/// its operation and the series may follow it in ways the learned relation misses.</param>
/// <param name="MinPresent">Share of present samples each window needs.</param>
/// <param name="Clip">Load-adjusted values are clipped to median ± this many robust standard deviations first, so a
/// single spike (CO of a gas turbine spikes tenfold for an hour) is not a break.</param>
public sealed record RegimeBreakOptions(
    int Window = 24,
    double MinLevelShift = 4.0,
    double MinRelativeShift = 0.2,
    double MinVarianceRatio = 100,
    double MaxLoadChange = 0.1,
    double MinPresent = 0.75,
    double Clip = 3.0);

/// <summary>突变 (signature 9): the level or the variability of a series changes abruptly and stays changed, while the load
/// does not explain it. The series is first adjusted for load (<see cref="LoadModel"/>, learned on the series itself);
/// then each sample is tested as a break point by comparing the <see cref="RegimeBreakOptions.Window"/> samples before
/// it with those after it; the strongest point of each run of significant points is reported.</summary>
public sealed class RegimeBreakDetector(RegimeBreakOptions? options = null) : IDetector
{
    private readonly RegimeBreakOptions _o = options ?? new();

    public string Signature => "regime-break";

    public string Title => "突变";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var load = set.First(SeriesRole.Load);
        var found = new List<Detection>();
        WindowSums? loadSums = null;
        foreach (var s in set.All)
        {
            if (s.Role is SeriesRole.Concentration or SeriesRole.CorrectedConcentration or SeriesRole.Flow && s.Count >= 2 * _o.Window)
            {
                var hasLoad = load is not null && load.Count == s.Count;
                DetectIn(s, hasLoad ? load : null, hasLoad ? loadSums ??= new WindowSums(load!.Values) : null, found);
            }
        }
        return found;
    }

    private void DetectIn(Series s, Series? load, WindowSums? l, List<Detection> found)
    {
        var w = _o.Window;
        // Concentrations are tested on a log scale: faults scale them (a report cut by half), and the heavy upper tail
        // (CO spikes tenfold) shrinks; the relative-shift threshold becomes a log difference accordingly.
        var scale = TypicalLevel(s.Values);
        var logScale = IsNonNegative(s.Values) && scale > 0;
        var offset = 0.1 * scale;
        var tested = s.Values;
        if (logScale)
        {
            tested = new double[s.Count];
            for (var i = 0; i < tested.Length; i++) tested[i] = Math.Log(s.Values[i] + offset);
        }
        var adjusted = load is not null ? LoadModel.Residuals(tested, load.Values) : (double[])tested.Clone();
        LoadModel.Winsorize(adjusted, _o.Clip);
        var r = new WindowSums(adjusted);
        var minShift = logScale ? -Math.Log(1 - Math.Min(_o.MinRelativeShift, 0.99)) : _o.MinRelativeShift * scale;
        var minPresent = (int)Math.Ceiling(_o.MinPresent * w);
        var floor = logScale ? 1e-3 : Math.Max(scale * 1e-3, 1e-9);
        var logRatio = Math.Log(_o.MinVarianceRatio);
        var levelSquared = _o.MinLevelShift * _o.MinLevelShift;

        // Each window is the "after" of one candidate and the "before" of the candidate w later: its statistics are
        // computed once, for every start position.
        var windows = s.Count - w + 1;
        var (count, mean, variance) = (new int[windows], new double[windows], new double[windows]);
        for (var i = 0; i < windows; i++) count[i] = r.Stats(i, i + w, out mean[i], out variance[i]);
        var floorSquared = floor * floor;

        var bestAt = -1;
        var best = 0.0;
        var lastPass = -1;
        for (var t = w; t <= s.Count - w; t++)
        {
            // Only strengths of 1 or more matter, so the square root and the logarithm are taken only for points that
            // pass the cheap squared and ratio comparisons (the loop runs once per sample).
            var strength = 0.0;
            if (count[t - w] >= minPresent && count[t] >= minPresent)
            {
                double m1 = mean[t - w], m2 = mean[t], v1 = variance[t - w] + floorSquared, v2 = variance[t] + floorSquared;
                var shift = Math.Abs(m2 - m1);
                var pooled = (v1 + v2) / 2;
                var level = shift >= minShift && shift * shift >= levelSquared * pooled ? shift / Math.Sqrt(pooled) / _o.MinLevelShift : 0;
                var ratio = v2 / v1;
                var varianceBreak = ratio >= _o.MinVarianceRatio || ratio * _o.MinVarianceRatio <= 1 ? Math.Abs(Math.Log(ratio)) / logRatio : 0;
                // A variance break that the load shares (the plant started cycling) is not the analyzer's doing.
                if (varianceBreak >= 1 && l is not null && l.Count(t - w, t) > 1 && l.Count(t, t + w) > 1)
                {
                    var lr = Math.Abs(Math.Log((l.Variance(t, t + w) + 1e-12) / (l.Variance(t - w, t) + 1e-12))) / logRatio;
                    if (lr >= 0.5) varianceBreak = 0;
                }
                strength = Math.Max(level, varianceBreak);
                if (strength >= 1 && l is not null)
                {
                    double l1 = l.Mean(t - w, t), l2 = l.Mean(t, t + w);
                    if (!(Math.Abs(l2 - l1) < _o.MaxLoadChange * Math.Abs(l1))) strength = 0;
                }
            }
            // Significant points less than a window apart belong to one break (its windows overlap): keep the strongest.
            if (bestAt >= 0 && t - lastPass >= w)
            {
                found.Add(Describe(s, load, l, bestAt, best));
                bestAt = -1;
                best = 0;
            }
            if (strength >= 1)
            {
                lastPass = t;
                if (strength > best) { best = strength; bestAt = t; }
            }
        }
        if (bestAt >= 0) found.Add(Describe(s, load, l, bestAt, best));
    }

    private Detection Describe(Series s, Series? load, WindowSums? l, int t, double strength)
    {
        var w = _o.Window;
        // The raw values of the two windows only (positions 0 … 2w in the slice).
        var raw = new WindowSums(s.Values.AsSpan(t - w, 2 * w));
        double m1 = raw.Mean(0, w), m2 = raw.Mean(w, 2 * w);
        double s1 = Math.Sqrt(raw.Variance(0, w)), s2 = Math.Sqrt(raw.Variance(w, 2 * w));
        var change = m1 == 0 ? "" : $"（{(m2 >= m1 ? "升高" : "降低")} {ExplanationText.Percent(Math.Abs(m2 - m1) / Math.Abs(m1))}）";
        var text = $"{s.Name} 在 {ExplanationText.T(s.TimeOf(t))} 起发生突变：此前 {w} 个样本均值 {ExplanationText.N(m1)}、标准差 {ExplanationText.N(s1)}，"
            + $"此后 {w} 个样本均值 {ExplanationText.N(m2)}{change}、标准差 {ExplanationText.N(s2)}。";
        text += l is null
            ? "未提供负荷数据，无法排除工况变化。"
            : $"同期负荷 {load!.Name} 均值 {ExplanationText.N(l.Mean(t - w, t))} → {ExplanationText.N(l.Mean(t, t + w))}，"
                + $"变化不足 {ExplanationText.Percent(_o.MaxLoadChange)}，不能解释这一变化。";
        var last = Math.Min(s.Count - 1, t + w - 1);
        return new Detection(Signature, s.Name, t, last, s.TimeOf(t), s.TimeOf(last), ExplanationText.Score(strength), text);
    }

    private static bool IsNonNegative(double[] values)
    {
        foreach (var v in values) if (v < 0) return false;
        return true;
    }

    /// <summary>Median of |value|: what "a fifth of the level" is measured against.</summary>
    private static double TypicalLevel(double[] values) => Quantiles.Median(values, absolute: true) is var m && double.IsNaN(m) ? 0 : m;
}
