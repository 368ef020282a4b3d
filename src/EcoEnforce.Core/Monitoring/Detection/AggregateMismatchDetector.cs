namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds for <see cref="AggregateMismatchDetector"/>.</summary>
public sealed record AggregateMismatchOptions
{
    /// <summary>Reported and recomputed statistics may differ by this share (1%: rounding of the
    /// fine values and of the reported value together stay well below it).</summary>
    public double RelativeTolerance { get; init; } = 0.01;

    /// <summary>Or by this much, for values near zero reported with one decimal.</summary>
    public double AbsoluteTolerance { get; init; } = 0.1;

    /// <summary>Avg and Cou are checked only when at least this share of the fine samples is present
    /// (1: a platform that lost minute packets cannot recompute the logger's hour); Min and Max are always checked
    /// against the samples present, since a reported maximum below a seen value is wrong whatever is missing.</summary>
    public double MinCoverage { get; init; } = 1.0;
}

/// <summary>Signature 8, 统计值不一致: a coarse series (<see cref="Series.AggregateOf"/> names its fine series) whose
/// reported Avg, Min, Max or Cou disagree with the fine samples it covers. Avg is the arithmetic mean of the fine
/// values (HJ 75); Min may be anything between the smallest fine Min and the smallest fine value (loggers differ), and
/// Max likewise; Cou is the sum of the fine Cou. Consecutive mismatching coarse samples make one detection.</summary>
public sealed class AggregateMismatchDetector(AggregateMismatchOptions? options = null) : IDetector
{
    private readonly AggregateMismatchOptions _o = options ?? new();

    public string Signature => "aggregate-mismatch";

    public string Title => "统计值不一致";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var result = new List<Detection>();
        foreach (var coarse in set.All)
        {
            if (coarse.AggregateOf is not { } fineName) continue;
            Series? fine = null;
            foreach (var s in set.All) if (s != coarse && string.Equals(s.Name, fineName, StringComparison.Ordinal)) { fine = s; break; }
            if (fine is null || fine.Interval <= TimeSpan.Zero || coarse.Interval <= fine.Interval) continue;
            Compare(coarse, fine, result);
        }
        return result;
    }

    private void Compare(Series coarse, Series fine, List<Detection> result)
    {
        var perCoarse = (int)(coarse.Interval / fine.Interval);
        int first = -1, last = -1, mismatches = 0;
        string? example = null;
        double worst = 0;
        for (var j = 0; j <= coarse.Count; j++)
        {
            string? problem = null;
            double relative = 0;
            if (j < coarse.Count) (problem, relative) = Check(coarse, fine, perCoarse, j);
            if (problem is not null)
            {
                if (first < 0) { first = j; mismatches = 0; worst = 0; example = problem; }
                last = j;
                mismatches++;
                worst = Math.Max(worst, relative);
                continue;
            }
            if (first < 0) continue;
            var more = mismatches > 1 ? $"；{DetectionText.Span(coarse.TimeOf(first), coarse.TimeOf(last))} 共 {mismatches} 个统计值与 {fine.Name} 不一致" : "";
            result.Add(DetectionText.Make(Signature, coarse, first, last, 0.5 + 0.3 * Math.Min(1, worst) + 0.2 * Math.Min(1, mismatches / 24.0),
                $"{example}{more}，疑似统计值被改动"));
            first = -1;
        }
    }

    private (string? Problem, double Relative) Check(Series coarse, Series fine, int perCoarse, int j)
    {
        var offset = (coarse.TimeOf(j) - fine.Start) / fine.Interval;
        var a = (int)Math.Ceiling(offset - 1e-9);
        var b = a + perCoarse - 1;
        if (b < 0 || a >= fine.Count) return (null, 0);
        a = Math.Max(a, 0);
        b = Math.Min(b, fine.Count - 1);
        double sum = 0, couSum = 0, minAvg = double.PositiveInfinity, maxAvg = double.NegativeInfinity;
        double minMin = double.PositiveInfinity, maxMax = double.NegativeInfinity;
        int n = 0, couN = 0;
        for (var i = a; i <= b; i++)
        {
            var x = fine.Values[i];
            if (double.IsNaN(x)) continue;
            n++;
            sum += x;
            minAvg = Math.Min(minAvg, x);
            maxAvg = Math.Max(maxAvg, x);
            minMin = Math.Min(minMin, fine.Min is { } fm && i < fm.Length && !double.IsNaN(fm[i]) ? fm[i] : x);
            maxMax = Math.Max(maxMax, fine.Max is { } fx && i < fx.Length && !double.IsNaN(fx[i]) ? fx[i] : x);
            if (fine.Cou is { } fc && i < fc.Length && !double.IsNaN(fc[i])) { couSum += fc[i]; couN++; }
        }
        if (n == 0) return (null, 0);
        var when = $"{coarse.Name} {DetectionText.Time(coarse.TimeOf(j))} 报";
        var full = n >= _o.MinCoverage * perCoarse - 1e-9;
        var avg = coarse.Values[j];
        if (full && !double.IsNaN(avg) && Off(avg, sum / n) is var r1 and > 0)
            return ($"{when}均值 {DetectionText.Num(avg)}，而其覆盖的 {n} 个 {fine.Name} 数据均值为 {DetectionText.Num(sum / n)}", r1);
        if (coarse.Max is { } mx && j < mx.Length && !double.IsNaN(mx[j]))
        {
            var r = mx[j] < maxAvg ? Off(mx[j], maxAvg) : full && mx[j] > maxMax ? Off(mx[j], maxMax) : 0;
            if (r > 0) return ($"{when}最大值 {DetectionText.Num(mx[j])}，而 {fine.Name} 同期最大为 {DetectionText.Num(maxAvg)}（含分钟最大值 {DetectionText.Num(maxMax)}）", r);
        }
        if (coarse.Min is { } mn && j < mn.Length && !double.IsNaN(mn[j]))
        {
            var r = mn[j] > minAvg ? Off(mn[j], minAvg) : full && mn[j] < minMin ? Off(mn[j], minMin) : 0;
            if (r > 0) return ($"{when}最小值 {DetectionText.Num(mn[j])}，而 {fine.Name} 同期最小为 {DetectionText.Num(minAvg)}（含分钟最小值 {DetectionText.Num(minMin)}）", r);
        }
        if (full && couN == n && coarse.Cou is { } cc && j < cc.Length && !double.IsNaN(cc[j]) && Off(cc[j], couSum, 0) is var r2 and > 0)
            return ($"{when}累计值 {DetectionText.Num(cc[j])}，而 {fine.Name} 同期累计为 {DetectionText.Num(couSum)}", r2);
        return (null, 0);
    }

    /// <summary>0 when within tolerance, else the relative difference (at least a small positive number).</summary>
    private double Off(double reported, double computed, double? absolute = null)
    {
        var diff = Math.Abs(reported - computed);
        var scale = Math.Max(Math.Abs(reported), Math.Abs(computed));
        if (diff <= Math.Max(absolute ?? _o.AbsoluteTolerance, _o.RelativeTolerance * scale)) return 0;
        return Math.Max(1e-6, diff / Math.Max(scale, 1e-9));
    }
}
