using EcoEnforce.Common;

namespace EcoEnforce.Campaigns;

public static class PlanRules
{
    /// <summary>What must hold before a plan can go public: every campaign has scope, focus and dated phases that
    /// fall in order.</summary>
    public static IReadOnlyList<FieldError> ReadyToPublish(Plan plan)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(plan.Title)) errors.Add(new FieldError(nameof(plan.Title), "计划名称不能为空"));
        if (plan.Campaigns.Count == 0) errors.Add(new FieldError(nameof(plan.Campaigns), "计划至少包含一个专项"));
        foreach (var c in plan.Campaigns)
        {
            if (string.IsNullOrWhiteSpace(c.Scope)) errors.Add(new FieldError($"Campaign{c.SortOrder}", $"专项“{c.ShortName}”未填写检查范围"));
            if (string.IsNullOrWhiteSpace(c.Focus)) errors.Add(new FieldError($"Campaign{c.SortOrder}", $"专项“{c.ShortName}”未填写检查重点"));
            if (c.Phases.Count == 0) errors.Add(new FieldError($"Campaign{c.SortOrder}", $"专项“{c.ShortName}”未安排时间阶段"));
            foreach (var p in c.Phases)
            {
                if (p.Start is { } s && p.End is { } e && s > e)
                    errors.Add(new FieldError($"Campaign{c.SortOrder}", $"专项“{c.ShortName}”的阶段“{p.Name}”开始日期晚于结束日期"));
            }
        }
        return errors;
    }
}
