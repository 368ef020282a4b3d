namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds of <see cref="ThreeWayMismatchDetector"/>.</summary>
/// <param name="AbsoluteTolerance">Allowed |a − b| in the series' unit, so values near zero and the platform's rounding to
/// two decimals do not count.</param>
/// <param name="RelativeTolerance">…plus this share of the larger |value| (2%).</param>
/// <param name="MaxGap">Clean samples allowed inside one run (on-site readings are sparse: missing samples never split a run).</param>
public sealed record ThreeWayMismatchOptions(double AbsoluteTolerance = 0.1, double RelativeTolerance = 0.02, int MaxGap = 0);

/// <summary>三方不一致 (signature 10): the same quantity from the data acquisition instrument (数采仪), the analyzer's own
/// display or memory (read on site) and the platform's export disagree at the same timestamps.
/// Convention: the instrument's series carries the bare name (<c>NOX</c>, also accepted as <c>NOX@das</c>); the others
/// add a source suffix after <c>@</c> (<c>NOX@analyzer</c>, <c>NOX@platform</c>; any suffix works). Series sharing the
/// base name are compared pairwise wherever both have a value; mismatching samples are grouped into runs, reported
/// under the base name.</summary>
public sealed class ThreeWayMismatchDetector(ThreeWayMismatchOptions? options = null) : IDetector
{
    public const char SourceSeparator = '@';
    private readonly ThreeWayMismatchOptions _o = options ?? new();

    public string Signature => "three-way-mismatch";

    public string Title => "三方不一致";

    public static string BaseName(string name)
    {
        var at = name.IndexOf(SourceSeparator, StringComparison.Ordinal);
        return at < 0 ? name : name[..at];
    }

    public static string SourceOf(string name)
    {
        var at = name.IndexOf(SourceSeparator, StringComparison.Ordinal);
        return at < 0 ? "数采仪" : name[(at + 1)..] switch
        {
            "das" => "数采仪",
            "analyzer" => "分析仪",
            "platform" => "平台",
            var other => other,
        };
    }

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var found = new List<Detection>();
        foreach (var group in set.All.GroupBy(s => BaseName(s.Name), StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Count < 2 || !members.Any(m => m.Name.Contains(SourceSeparator, StringComparison.Ordinal))) continue;
            var n = members.Min(m => m.Count);
            DetectIn(group.Key, members, n, found);
        }
        return found;
    }

    private void DetectIn(string name, List<Series> members, int n, List<Detection> found)
    {
        var timing = members[0];
        var runStart = -1;
        var lastHit = -1;
        var hits = 0;
        double worst = 0;
        string worstText = "";
        for (var i = 0; i <= n; i++)
        {
            var hit = false;
            var compared = false;
            if (i < n)
            {
                for (var a = 0; a < members.Count; a++)
                {
                    var va = members[a].Values[i];
                    if (double.IsNaN(va)) continue;
                    for (var b = a + 1; b < members.Count; b++)
                    {
                        var vb = members[b].Values[i];
                        if (double.IsNaN(vb)) continue;
                        compared = true;
                        var diff = Math.Abs(va - vb);
                        var tolerance = _o.AbsoluteTolerance + _o.RelativeTolerance * Math.Max(Math.Abs(va), Math.Abs(vb));
                        if (diff <= tolerance) continue;
                        hit = true;
                        if (diff / tolerance > worst || runStart < 0 && lastHit < 0)
                        {
                            worst = diff / tolerance;
                            var relative = diff / Math.Max(Math.Max(Math.Abs(va), Math.Abs(vb)), 1e-9);
                            // Strings are built only for a new worst sample, not for every sample.
                            worstText = $"{ExplanationText.T(timing.TimeOf(i))} {SourceOf(members[a].Name)}（{members[a].Name}）为 {ExplanationText.N(va)}，"
                                + $"{SourceOf(members[b].Name)}（{members[b].Name}）为 {ExplanationText.N(vb)}，相差 {ExplanationText.N(diff)}（{ExplanationText.Percent(relative)}）";
                        }
                    }
                }
            }
            if (hit)
            {
                if (runStart < 0) runStart = i;
                lastHit = i;
                hits++;
                continue;
            }
            if (i < n && !compared) continue;
            if (runStart >= 0 && (i == n || i - lastHit > _o.MaxGap))
            {
                var text = $"{ExplanationText.T(timing.TimeOf(runStart))} 至 {ExplanationText.T(timing.TimeOf(lastHit))}，{name} 的数采仪、分析仪与平台数据有 {hits} 个时刻不一致"
                    + $"（容差 {ExplanationText.N(_o.AbsoluteTolerance)} + {ExplanationText.Percent(_o.RelativeTolerance)}）；差异最大处：{worstText}。数据可能在传输或上报环节被改动。";
                found.Add(new Detection(Signature, name, runStart, lastHit, timing.TimeOf(runStart), timing.TimeOf(lastHit), ExplanationText.Score(worst), text));
                runStart = -1;
                lastHit = -1;
                hits = 0;
                worst = 0;
            }
        }
    }
}
