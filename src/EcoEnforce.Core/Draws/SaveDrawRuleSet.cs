using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Draws;

/// <summary>Creates or changes a campaign's rule set (example profiles are read-only: copy them). Draws already
/// committed keep the rules they were made with.</summary>
public static class SaveDrawRuleSet
{
    public sealed record Command(int? Id, string Name, string? Description, int CampaignId, DrawRuleSpec Spec);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var errors = Validate(command);
            if (!await db.Campaigns.AnyAsync(c => c.Id == command.CampaignId, ct)) errors.Add(new(nameof(command.CampaignId), "专项不存在"));
            var name = command.Name.Trim();
            if (await db.DrawRuleSets.AnyAsync(r => r.Name == name && r.Id != command.Id, ct)) errors.Add(new(nameof(command.Name), "已有同名的抽查规则"));
            if (errors.Count > 0) return Result<int>.Fail(errors);

            DrawRuleSet? set;
            if (command.Id is { } id)
            {
                set = await db.DrawRuleSets.FirstOrDefaultAsync(r => r.Id == id, ct);
                if (set is null) return Result<int>.Fail(nameof(command.Id), "抽查规则不存在");
                if (set.IsExample) return Result<int>.Fail(nameof(command.Id), "示例规则不能修改，请复制后修改");
            }
            else
            {
                set = new DrawRuleSet { Name = name, SpecJson = "{}" };
                db.DrawRuleSets.Add(set);
            }
            set.Name = name;
            set.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
            set.CampaignId = command.CampaignId;
            set.SpecJson = command.Spec.ToJson();
            set.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(set.Id);
        }

        private static List<FieldError> Validate(Command command)
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(command.Name)) errors.Add(new(nameof(command.Name), "请填写规则名称"));
            var spec = command.Spec;
            if (spec.TeamSize is < 2 or > 10) errors.Add(new("TeamSize", "每组执法人员应为 2–10 名（现场检查不得少于 2 人）"));
            if (spec.Quotas.Count == 0) errors.Add(new("Quotas", "至少为一类检查对象设定抽查比例"));
            foreach (var q in spec.Quotas)
            {
                var label = Labels.SupervisionClasses[q.Class];
                var ways = (q.Percent is null ? 0 : 1) + (q.PerInspector is null ? 0 : 1) + (q.All ? 1 : 0);
                if (ways != 1) errors.Add(new("Quotas", $"「{label}」的抽查比例须且只能按一种方式设定（百分比、人均家数或全部）"));
                if (q.Percent is <= 0 or > 100) errors.Add(new("Quotas", $"「{label}」的百分比应在 0–100 之间"));
                if (q.PerInspector is <= 0 or > 1000) errors.Add(new("Quotas", $"「{label}」的人均家数应为正整数"));
            }
            if (spec.Quotas.GroupBy(q => q.Class).Any(g => g.Count() > 1)) errors.Add(new("Quotas", "同一类检查对象只能设定一个抽查比例"));
            foreach (var z in spec.Filter.Zones.Where(z => z.Metres is <= 0 or > 50_000))
                errors.Add(new("Zones", $"「{Labels.PlaceKinds[z.Kind]}」的距离应在 1 米至 50 公里之间"));
            foreach (var c in spec.Caps.Where(c => c.MaxRoutine < 1))
                errors.Add(new("Caps", $"「{Labels.SupervisionClasses[c.Class]}」的频次上限至少为 1 次"));
            if (spec.Risk is { } risk)
            {
                if (risk.TopPercent is <= 0 or >= 100) errors.Add(new("Risk", "高风险层应占各类对象的 0–100% 之间（不含 0 和 100）"));
                if (risk.HighPercent is <= 0 or > 100) errors.Add(new("Risk", "高风险层的抽查比例应在 0–100% 之间"));
                if (!spec.Quotas.Any(q => !q.All)) errors.Add(new("Risk", "风险分层只适用于按百分比或人均家数抽查的类别，当前规则没有这样的类别"));
            }
            return errors;
        }
    }
}
