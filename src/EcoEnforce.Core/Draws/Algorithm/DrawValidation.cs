using EcoEnforce.Common;

namespace EcoEnforce.Draws;

/// <summary>Checks that turn malformed inputs into Chinese messages instead of a silently different draw.</summary>
internal static class DrawValidation
{
    public static FieldError? Rules(DrawRules rules)
    {
        if (rules.Version != DrawRules.CurrentVersion)
            return new("rules", $"抽取规则版本 {rules.Version} 不受支持（应为 {DrawRules.CurrentVersion}）");
        if (rules.TeamSize < 2) return new("rules", $"检查组人数应不少于 2 人（现为 {rules.TeamSize}）");
        if (rules.Quotas is null || rules.Quotas.Count == 0) return new("rules", "抽取规则中没有任何类别的抽取比例");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in rules.Quotas)
        {
            if (string.IsNullOrEmpty(q.Stratum)) return new("rules", "抽取比例的对象类别不能为空");
            var name = DrawText.Stratum(q.Stratum);
            if (!seen.Add(q.Stratum)) return new("rules", $"{name}的抽取比例重复设置");
            var ways = (q.Percent is null ? 0 : 1) + (q.PerInspector is null ? 0 : 1) + (q.All ? 1 : 0);
            if (ways != 1) return new("rules", $"{name}应在按比例、按执法人员人数、全部抽取三种方式中恰好选择一种");
            if (q.Percent is { } p && (p <= 0 || p > 100)) return new("rules", $"{name}的抽取比例应大于 0 且不超过 100%");
            if (q.PerInspector is { } n && n < 1) return new("rules", $"{name}每名执法人员对应的检查对象数应至少为 1");
        }
        return null;
    }

    public static FieldError? Pool(PoolObject[] sorted)
    {
        for (var i = 0; i < sorted.Length; i++)
        {
            var o = sorted[i];
            if (string.IsNullOrEmpty(o.Key)) return new("pool", $"名录中有检查对象缺少编号（{o.Name}）");
            if (i > 0 && string.Equals(sorted[i - 1].Key, o.Key, StringComparison.Ordinal)) return new("pool", $"名录中检查对象编号重复：{o.Key}");
            if (string.IsNullOrEmpty(o.Stratum)) return new("pool", $"检查对象{DrawText.Object(o)}缺少类别");
            if (HasEmpty(o.Conflicts) || HasEmpty(o.PreviousInspectors))
                return new("pool", $"检查对象{DrawText.Object(o)}的回避或上次检查人员名单中有空编号");
        }
        return null;
    }

    public static FieldError? Inspectors(PoolInspector[] sorted)
    {
        for (var i = 0; i < sorted.Length; i++)
        {
            var p = sorted[i];
            if (string.IsNullOrEmpty(p.Key)) return new("inspectors", $"执法人员「{p.Name}」缺少执法证号");
            if (i > 0 && string.Equals(sorted[i - 1].Key, p.Key, StringComparison.Ordinal)) return new("inspectors", $"执法人员编号重复：{p.Key}");
        }
        return null;
    }

    private static bool HasEmpty(IReadOnlyList<string> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrEmpty(keys[i])) return true;
        }
        return false;
    }
}
