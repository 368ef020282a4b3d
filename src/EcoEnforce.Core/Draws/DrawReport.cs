using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Draws;

/// <summary>A draw as people read it: counts per class, each drawn entity with its team (names and departments) and
/// the task it became (joint with which other campaigns), the exclusions, and the draw that replaced it, if any.</summary>
public sealed record DrawReport(
    Draw Draw,
    string CampaignTitle,
    DrawRuleSpec Spec,
    IReadOnlyList<StratumCount> Counts,
    IReadOnlyList<DrawReport.Row> Rows,
    IReadOnlyList<PoolExclusion> Exclusions,
    int? ReplacedByDrawId)
{
    public sealed record Row(int Order, string CreditCode, string Name, string ClassLabel, IReadOnlyList<string> Team, int? TaskId,
        IReadOnlyList<string> JointWith, bool TaskDone);

    /// <summary>「重点排污单位」 for a supervision class, 「重点排污单位·高风险」 for its risk stratum, otherwise as written.</summary>
    public static string ClassLabel(string stratum) =>
        stratum.EndsWith(RiskStratification.HighRiskSuffix, StringComparison.Ordinal)
            ? ClassLabel(stratum[..^RiskStratification.HighRiskSuffix.Length]) + "·高风险"
            : Labels.SupervisionClasses.FirstOrDefault(c => c.Key.ToString() == stratum).Value ?? stratum;

    public static async Task<DrawReport?> LoadAsync(EcoEnforceDb db, int id, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().Include(d => d.Campaign).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null) return null;
        var stored = DrawJson.Deserialize<DrawJson.StoredInput>(draw.InputJson);
        var outcome = draw.OutcomeJson is null ? null : DrawJson.Deserialize<DrawOutcome>(draw.OutcomeJson);
        var counts = outcome?.Counts ?? DrawCounts.Compute(stored.Rules, stored.Pool, stored.Inspectors).Value ?? [];
        var names = stored.Pool.ToDictionary(o => o.Key, o => o.Name);
        var officers = stored.Inspectors.ToDictionary(i => i.Key, i => $"{i.Name}（{i.Department}）");

        var tasks = await db.InspectionTasks.AsNoTracking()
            .Where(t => t.Campaigns.Any(c => c.DrawId == id))
            .Select(t => new
            {
                t.Id, t.Enterprise!.CreditCode, t.Status,
                Others = t.Campaigns.Where(c => c.DrawId != id).Select(c => c.Campaign!.ShortName).ToList(),
            })
            .ToListAsync(ct);
        var byKey = tasks.ToDictionary(t => t.CreditCode);
        var rows = (outcome?.Tasks ?? []).Select(t =>
        {
            var task = byKey.GetValueOrDefault(t.ObjectKey);
            return new Row(t.Order, t.ObjectKey, names[t.ObjectKey], ClassLabel(t.Stratum), [.. t.InspectorKeys.Select(k => officers[k])],
                task?.Id, task?.Others ?? [], task?.Status == Inspections.TaskStatus.Done);
        }).ToList();
        var replacedBy = await db.Draws.Where(d => d.ReplacesDrawId == id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        return new DrawReport(draw, draw.Campaign!.Title, DrawRuleSpec.FromJson(draw.SpecJson), counts, rows,
            DrawJson.Deserialize<List<PoolExclusion>>(draw.ExclusionsJson), replacedBy);
    }
}
