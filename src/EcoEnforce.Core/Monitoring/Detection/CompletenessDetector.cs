namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds for <see cref="CompletenessDetector"/>.</summary>
public sealed record CompletenessOptions
{
    /// <summary>Sub-hourly data: an hour is valid with this share of valid samples (HJ 75: 45 of
    /// 60 minutes).</summary>
    public double MinValidShareOfHour { get; init; } = 0.75;

    /// <summary>Hourly data: a day is valid with this share of valid hours (HJ 75: 20 of 24).</summary>
    public double MinValidShareOfDay { get; init; } = 20.0 / 24;

    /// <summary>A gap inside a valid hour or day is reported only with at least this many samples, lasting
    /// <see cref="MinGapDuration"/>, where the expected value is high (<see cref="HighExpectedPercentile"/>).</summary>
    public int MinGapSamples { get; init; } = 2;

    /// <summary>The shortest gap inside a valid hour or day worth reporting (1 h).</summary>
    public TimeSpan MinGapDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A gap inside a valid hour or day is reported when the value expected during it (from load, or the same time on the
    /// neighbouring days) averages at least this percentile of the usual distribution: the gaps that hide peaks.</summary>
    public double HighExpectedPercentile { get; init; } = 0.75;

    /// <summary>How many days either side give the expected value when there is no load series.</summary>
    public int NeighbourDays { get; init; } = 3;

    /// <summary>Load below this fraction of its median means stopped: missing data then is excused.</summary>
    public double StoppedFraction { get; init; } = 0.1;
}

/// <summary>Signature 5, 数据缺失: hours (of sub-hourly data) or days (of hourly data) that fail the HJ 75 validity
/// rule, and shorter gaps that fall where emissions would be high. A sample is valid when present and flagged neither
/// M, C, D, S nor B; samples flagged F, or while the load shows the plant stopped, are not required. Series whose
/// gaps are identical to an earlier series' are reported once.</summary>
public sealed class CompletenessDetector(CompletenessOptions? options = null) : IDetector
{
    private readonly CompletenessOptions _o = options ?? new();

    public string Signature => "completeness";

    public string Title => "数据缺失";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var result = new List<Detection>();
        var count = PlantState.MaxCount(set);
        if (count == 0) return result;
        var state = PlantState.Of(set, count, _o.StoppedFraction);
        var load = set.First(SeriesRole.Load);
        var loadSorted = load is null ? null : PlantState.Sample(load.Values);
        var reported = new List<Series>();
        foreach (var s in set.All)
        {
            if (s.Count == 0 || s.Interval <= TimeSpan.Zero || s.Interval >= TimeSpan.FromDays(1)) continue;
            if (reported.Exists(r => SameGaps(r, s))) continue;
            var before = result.Count;
            var expected = new Expected(s, load, loadSorted, _o.NeighbourDays);
            Scan(s, state, expected, result);
            if (result.Count > before) reported.Add(s);
        }
        return result;
    }

    private static bool IsValid(Series s, int i) =>
        !double.IsNaN(s.Values[i]) && !(s.Flags is { } f && i < f.Length && f[i] is { Length: 1 } x && x[0] is 'M' or 'C' or 'D' or 'S' or 'B');

    private static bool IsExcused(Series s, sbyte[] state, int i) =>
        state[i] == 0 || (s.Flags is { } f && i < f.Length && DetectionText.IsFlag(f[i], 'F'));

    private static bool SameGaps(Series a, Series b)
    {
        if (a.Count != b.Count || a.Start != b.Start || a.Interval != b.Interval) return false;
        for (var i = 0; i < a.Count; i++)
            if (IsValid(a, i) != IsValid(b, i)) return false;
        return true;
    }

    private void Scan(Series s, sbyte[] state, Expected expected, List<Detection> result)
    {
        var hourly = s.Interval < TimeSpan.FromHours(1);
        var share = hourly ? _o.MinValidShareOfHour : _o.MinValidShareOfDay;
        var inInvalid = new bool[s.Count];
        // Pass 1: periods.
        int periodStart = 0, valid = 0, needed = 0;
        int runFirst = -1, runLast = -1, runPeriods = 0, runMissing = 0;
        double runPct = 0;
        var runPctN = 0;
        var periodEnd = PeriodEnd(s, 0, hourly); // index where the current hour or day ends: no date arithmetic per sample
        for (var i = 0; i <= s.Count; i++)
        {
            if (i == periodEnd)
            {
                var bad = needed > 0 && valid + 1e-9 < share * needed;
                if (bad)
                {
                    if (runFirst < 0) { runFirst = periodStart; runPeriods = runMissing = runPctN = 0; runPct = 0; }
                    runLast = i - 1;
                    runPeriods++;
                    for (var j = periodStart; j < i; j++)
                    {
                        inInvalid[j] = true;
                        if (IsValid(s, j) || IsExcused(s, state, j)) continue;
                        runMissing++;
                        var p = expected.Percentile(j);
                        if (!double.IsNaN(p)) { runPct += p; runPctN++; }
                    }
                }
                else if (runFirst >= 0)
                {
                    result.Add(PeriodReport(s, hourly, runFirst, runLast, runPeriods, runMissing, runPctN == 0 ? double.NaN : runPct / runPctN));
                    runFirst = -1;
                }
                if (i == s.Count) break;
                periodEnd = PeriodEnd(s, i, hourly);
                periodStart = i;
                valid = needed = 0;
            }
            if (IsExcused(s, state, i)) continue;
            needed++;
            if (IsValid(s, i)) valid++;
        }
        if (runFirst >= 0) result.Add(PeriodReport(s, hourly, runFirst, runLast, runPeriods, runMissing, runPctN == 0 ? double.NaN : runPct / runPctN));

        // Pass 2: gaps inside valid periods that hide high expected values.
        var gapFirst = -1;
        double pct = 0;
        var pctN = 0;
        for (var i = 0; i <= s.Count; i++)
        {
            var missing = i < s.Count && !inInvalid[i] && !IsValid(s, i) && !IsExcused(s, state, i);
            if (missing)
            {
                if (gapFirst < 0) { gapFirst = i; pct = 0; pctN = 0; }
                var p = expected.Percentile(i);
                if (!double.IsNaN(p)) { pct += p; pctN++; }
                continue;
            }
            if (gapFirst < 0) continue;
            var n = i - gapFirst;
            var mean = pctN == 0 ? double.NaN : pct / pctN;
            if (n >= _o.MinGapSamples && s.Interval * n >= _o.MinGapDuration && mean >= _o.HighExpectedPercentile)
                result.Add(DetectionText.Make(Signature, s, gapFirst, i - 1, 0.3 + 0.5 * HighPart(mean) + 0.2 * Math.Min(1, n / 24.0),
                    $"{s.Name} 在 {DetectionText.Span(s.TimeOf(gapFirst), s.TimeOf(i - 1))} 连续缺失 {DetectionText.Samples(n, s.Interval)}，"
                    + $"{expected.Source}显示这段时间本应处于高排放时段（约为平时的第 {mean * 100:0} 百分位），疑似选择性缺失"));
            gapFirst = -1;
        }
    }

    private static double HighPart(double percentile) => double.IsNaN(percentile) ? 0 : Math.Clamp((percentile - 0.5) / 0.5, 0, 1);

    private Detection PeriodReport(Series s, bool hourly, int first, int last, int periods, int missing, double percentile)
    {
        var unit = hourly ? "小时" : "天";
        var rule = hourly ? $"每小时有效数据不少于 {DetectionText.Pct(_o.MinValidShareOfHour)}" : $"每天有效小时数不少于 {_o.MinValidShareOfDay * 24:0} 个";
        var high = double.IsNaN(percentile) ? "" : percentile >= _o.HighExpectedPercentile
            ? $"；缺失时段本应是高排放时段（约为平时的第 {percentile * 100:0} 百分位）"
            : $"；缺失时段的预期排放约为平时的第 {percentile * 100:0} 百分位";
        var score = 0.3 + 0.2 * Math.Min(1, periods / 7.0) + 0.5 * HighPart(percentile);
        return DetectionText.Make(Signature, s, first, last, score,
            $"{s.Name} 在 {DetectionText.Span(s.TimeOf(first), s.TimeOf(last))} 有 {periods} 个{unit}不满足“{rule}”的有效性要求，共缺失或无效 {missing} 个数据{high}");
    }

    private static int PeriodEnd(Series s, int i, bool hourly)
    {
        var t = s.TimeOf(i);
        var next = hourly ? new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, t.Kind).AddHours(1) : t.Date.AddDays(1);
        var end = (int)Math.Ceiling((next - s.Start) / s.Interval - 1e-9);
        return Math.Clamp(end, i + 1, s.Count);
    }

    /// <summary>Where the value expected at a sample sits in its usual distribution (0–1, NaN when unknown): the load's
    /// percentile when a load series is present, else the series' own mean at the same time on neighbouring days.</summary>
    private sealed class Expected(Series s, Series? load, double[]? loadSorted, int neighbourDays)
    {
        private readonly double[] _own = PlantState.Sample(s.Values);
        private readonly int _perDay = (int)(TimeSpan.FromDays(1) / s.Interval);

        public string Source => load is null ? "相邻几天同一时段的数据" : $"{load.Name} 数据";

        public double Percentile(int i)
        {
            if (load is not null && loadSorted is { Length: > 0 } && i < load.Count && !double.IsNaN(load.Values[i]))
                return Rank(loadSorted, load.Values[i]);
            if (_own.Length == 0 || _perDay <= 0) return double.NaN;
            double sum = 0;
            var n = 0;
            for (var k = 1; k <= neighbourDays; k++)
            {
                foreach (var j in (ReadOnlySpan<int>)[i - k * _perDay, i + k * _perDay])
                    if (j >= 0 && j < s.Count && !double.IsNaN(s.Values[j])) { sum += s.Values[j]; n++; }
            }
            return n == 0 ? double.NaN : Rank(_own, sum / n);
        }

        private static double Rank(double[] sorted, double x)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid] < x) lo = mid + 1; else hi = mid;
            }
            var below = lo;
            hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
            }
            return (below + lo) / 2.0 / sorted.Length; // mid-rank, so ties sit in the middle
        }
    }
}
