namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds for <see cref="FlagAbuseDetector"/>.</summary>
public sealed record FlagAbuseOptions
{
    /// <summary>A day with more than this share of M/C/D/S flags is reported: a daily zero/span
    /// calibration takes under an hour (≤ 4% of hourly, ≤ 2% of minute data), so 10% leaves room for a repair.</summary>
    public double MaxDailyShare { get; init; } = 0.1;

    /// <summary>Flag F while load or flow is above this fraction of its normal (median) level
    /// means the plant ran: 30% is above any cooling-down or idling tail.</summary>
    public double OperatingFraction { get; init; } = 0.3;

    /// <summary>A 标停未停 run needs at least this many samples and <see cref="MinStoppedDuration"/>.</summary>
    public int MinStoppedSamples { get; init; } = 3;

    /// <summary>A 标停未停 run needs at least this duration, so the hour the plant stops in is not reported.</summary>
    public TimeSpan MinStoppedDuration { get; init; } = TimeSpan.FromHours(2);
}

/// <summary>Signature 4, 标记异常: too many maintenance/calibration/fault/set-value flags, and 标停未停 (flag F while
/// flow or load shows the plant running). Series with the same flags as an earlier series are reported once.</summary>
public sealed class FlagAbuseDetector(FlagAbuseOptions? options = null) : IDetector
{
    private readonly FlagAbuseOptions _o = options ?? new();

    public string Signature => "flag-abuse";

    public string Title => "标记异常";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var result = new List<Detection>();
        var seen = new List<Series>();
        var evidence = new List<(Series Series, double Typical)>();
        foreach (var s in set.All)
            if (s.Role is SeriesRole.Load or SeriesRole.Flow)
            {
                var typical = PlantState.TypicalPositive(s.Values, s.Flags); // the level while not flagged stopped
                if (typical > 0) evidence.Add((s, typical));
            }
        foreach (var s in set.All)
        {
            if (s.Flags is not { } flags || flags.Length == 0) continue;
            var twin = seen.Find(t => t.Flags!.AsSpan().SequenceEqual(flags));
            if (twin is not null) continue;
            seen.Add(s);
            Shares(s, flags, result);
            StoppedButRunning(s, flags, evidence, result);
        }
        return result;
    }

    private static bool IsInvalidFlag(string? f) => f is { Length: 1 } && f[0] is 'M' or 'C' or 'D' or 'S';

    private void Shares(Series s, string?[] flags, List<Detection> result)
    {
        int runFirst = -1, runLast = -1, runDays = 0, runFlagged = 0, runTotal = 0, longest = 0, current = 0;
        var dayStart = 0;
        Span<int> letters = stackalloc int[4];
        Span<int> runLetters = stackalloc int[4];
        var day = s.Start.Date;
        int flagged = 0, total = 0;
        for (var i = 0; i <= flags.Length; i++)
        {
            if (i == flags.Length || s.TimeOf(i).Date != day)
            {
                if (total > 0 && (double)flagged / total > _o.MaxDailyShare)
                {
                    if (runFirst < 0) { runFirst = dayStart; runLetters.Clear(); runDays = runFlagged = runTotal = 0; }
                    runLast = i - 1;
                    runDays++;
                    runFlagged += flagged;
                    runTotal += total;
                    for (var l = 0; l < 4; l++) runLetters[l] += letters[l];
                }
                else if (runFirst >= 0)
                {
                    result.Add(ShareReport(s, runFirst, runLast, runDays, runFlagged, runTotal, runLetters, longest));
                    runFirst = -1;
                    longest = current;
                }
                else longest = current;
                if (i == flags.Length) break;
                day = s.TimeOf(i).Date;
                dayStart = i;
                flagged = total = 0;
                letters.Clear();
            }
            total++;
            if (IsInvalidFlag(flags[i]))
            {
                flagged++;
                letters["MCDS".IndexOf(flags[i]![0], StringComparison.Ordinal)]++;
                current++;
                longest = Math.Max(longest, current);
            }
            else current = 0;
        }
        if (runFirst >= 0) result.Add(ShareReport(s, runFirst, runLast, runDays, runFlagged, runTotal, runLetters, longest));
    }

    private Detection ShareReport(Series s, int first, int last, int days, int flagged, int total, ReadOnlySpan<int> letters, int longest)
    {
        var share = (double)flagged / total;
        var parts = new List<string>();
        string[] names = ["维护（M）", "校准（C）", "故障（D）", "手工设定（S）"];
        for (var l = 0; l < 4; l++) if (letters[l] > 0) parts.Add($"{names[l]} {letters[l]} 个");
        var score = 0.3 + 0.4 * Math.Clamp((share - _o.MaxDailyShare) / (0.5 - _o.MaxDailyShare), 0, 1) + 0.3 * Math.Min(1, days / 7.0);
        return DetectionText.Make(Signature, s, first, last, score,
            $"{s.Name} 在 {DetectionText.Span(s.TimeOf(first), s.TimeOf(last))}（{days} 天）的 {total} 个数据中有 {flagged} 个（{DetectionText.Pct(share)}）带无效标记："
            + $"{string.Join("、", parts)}，最长连续 {DetectionText.Samples(longest, s.Interval)}，超过每日 {DetectionText.Pct(_o.MaxDailyShare)} 的合理比例，疑似滥用标记");
    }

    private void StoppedButRunning(Series s, string?[] flags, List<(Series Series, double Typical)> evidence, List<Detection> result)
    {
        if (evidence.Count == 0) return;
        var first = -1;
        for (var i = 0; i <= flags.Length; i++)
        {
            var running = i < flags.Length && DetectionText.IsFlag(flags[i], 'F') && Running(evidence, i);
            if (running) { if (first < 0) first = i; continue; }
            if (first < 0) continue;
            var n = i - first;
            if (n >= _o.MinStoppedSamples && s.Interval * n >= _o.MinStoppedDuration) result.Add(StoppedReport(s, first, i - 1, evidence));
            first = -1;
        }
    }

    private bool Running(List<(Series Series, double Typical)> evidence, int i)
    {
        foreach (var (e, typical) in evidence)
            if (i < e.Count && e.Values[i] > _o.OperatingFraction * typical) return true;
        return false;
    }

    private Detection StoppedReport(Series s, int first, int last, List<(Series Series, double Typical)> evidence)
    {
        var parts = new List<string>();
        foreach (var (e, typical) in evidence)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var i = first; i <= Math.Min(last, e.Count - 1); i++)
            {
                var x = e.Values[i];
                if (double.IsNaN(x)) continue;
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
            if (!double.IsInfinity(min)) parts.Add($"{e.Name} 为 {DetectionText.Num(min)}–{DetectionText.Num(max)}（正常生产约 {DetectionText.Num(typical)}）");
        }
        var n = last - first + 1;
        var duration = s.Interval * n;
        var score = 0.6 + 0.4 * Math.Clamp(duration / TimeSpan.FromHours(24), 0, 1);
        return DetectionText.Make(Signature, s, first, last, score,
            $"{s.Name} 在 {DetectionText.Span(s.TimeOf(first), s.TimeOf(last))} 连续 {DetectionText.Samples(n, s.Interval)}标记为停运（F），但同期 {string.Join("，", parts)}，疑似标停未停");
    }
}
