using System.Security.Cryptography;

namespace EcoEnforce.Draws;

/// <summary>The verdict on one export. <see cref="Differences"/> holds at most the first
/// <see cref="DrawVerifier.MaxDifferences"/> findings, in Chinese.</summary>
public sealed record DrawVerification(
    bool SeedMatchesCommitment,
    bool DigestsMatch,
    bool CountsMatch,
    bool TasksMatch,
    IReadOnlyList<string> Differences)
{
    public bool Passed => SeedMatchesCommitment && DigestsMatch && CountsMatch && TasksMatch;
}

/// <summary>Re-runs the draw from an export and compares everything it records.</summary>
public static class DrawVerifier
{
    public const int MaxDifferences = 20;

    public static DrawVerification Verify(DrawExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var differences = new List<string>();
        void Note(string text)
        {
            if (differences.Count < MaxDifferences) differences.Add(text);
        }

        var seed = ParseHex(export.Seed);
        var commitment = ParseHex(export.SeedSha256);
        var seedOk = seed is { Length: DrawInput.SeedLength } && commitment is { Length: 32 }
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(seed), commitment);
        if (seed is not { Length: DrawInput.SeedLength }) Note($"随机种子应为 {DrawInput.SeedLength} 字节的十六进制文本");
        else if (!seedOk) Note("随机种子的 SHA-256 与事先公布的种子承诺（seedSha256）不一致");
        if (seed is not { Length: DrawInput.SeedLength }) return new(false, false, false, false, differences);

        var rerun = DrawAlgorithm.Draw(new DrawInput(export.Rules, export.Pool, export.Inspectors, seed));
        if (!rerun.Succeeded)
        {
            foreach (var e in rerun.Errors) Note($"按导出文件中的输入重新抽取失败：{e.Message}");
            return new(seedOk, false, false, false, differences);
        }
        var outcome = rerun.Value!;
        var digestsOk = CompareDigests(export.Digests, outcome.Digests, Note);
        var countsOk = CompareCounts(export.Counts, outcome.Counts, Note);
        var tasksOk = CompareTasks(export.Tasks, outcome.Tasks, Note);
        return new(seedOk, digestsOk, countsOk, tasksOk, differences);
    }

    private static bool CompareDigests(DrawDigests recorded, DrawDigests actual, Action<string> note)
    {
        var ok = true;
        foreach (var (name, r, a) in new[]
        {
            ("检查对象名录", recorded.Pool, actual.Pool),
            ("执法人员名录", recorded.Inspectors, actual.Inspectors),
            ("抽取规则", recorded.Rules, actual.Rules),
        })
        {
            if (string.Equals(r, a, StringComparison.OrdinalIgnoreCase)) continue;
            ok = false;
            note($"{name}的摘要不一致：记录为 {r}，按文件内容重新计算为 {a}（文件中的{name}与抽取时所用的不同）");
        }
        return ok;
    }

    private static bool CompareCounts(IReadOnlyList<StratumCount> recorded, IReadOnlyList<StratumCount> actual, Action<string> note)
    {
        if (recorded.SequenceEqual(actual)) return true;
        var n = Math.Max(recorded.Count, actual.Count);
        for (var i = 0; i < n; i++)
        {
            var r = i < recorded.Count ? recorded[i] : null;
            var a = i < actual.Count ? actual[i] : null;
            if (r == a) continue;
            note($"抽取数量第 {i + 1} 项：记录为 {Describe(r)}，重新计算为 {Describe(a)}");
        }
        return false;
    }

    private static bool CompareTasks(IReadOnlyList<DrawnTask> recorded, IReadOnlyList<DrawnTask> actual, Action<string> note)
    {
        var ok = true;
        if (recorded.Count != actual.Count)
        {
            ok = false;
            note($"任务数不一致：记录 {recorded.Count} 项，重新计算 {actual.Count} 项");
        }
        for (var i = 0; i < Math.Min(recorded.Count, actual.Count); i++)
        {
            var (r, a) = (recorded[i], actual[i]);
            if (r.Order == a.Order && r.ObjectKey == a.ObjectKey && r.Stratum == a.Stratum && r.InspectorKeys.SequenceEqual(a.InspectorKeys)) continue;
            ok = false;
            note($"第 {i + 1} 项任务：记录为 {Describe(r)}，重新计算为 {Describe(a)}");
        }
        return ok;
    }

    private static string Describe(StratumCount? c) =>
        c is null ? "（无）" : $"{DrawText.Stratum(c.Stratum)}名录 {c.PoolSize} 家、抽取 {c.Requested} 家";

    private static string Describe(DrawnTask t) =>
        $"序号 {t.Order}、对象 {t.ObjectKey}（{t.Stratum}）、检查人员 {string.Join("、", t.InspectorKeys)}";

    private static byte[]? ParseHex(string? text)
    {
        if (text is null || text.Length % 2 != 0) return null;
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
