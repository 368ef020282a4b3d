using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Reports.Summary;

/// <summary>附件2 asks the district to end the year with 重庆市核与辐射执法检查情况汇总表: every nuclear-technology user
/// inspected under the campaign, what was found and how it was dealt with.</summary>
public static class NuclearSummary
{
    private const int ProblemTextLength = 60;

    public static async Task<NuclearTable> ComputeAsync(EcoEnforceDb db, DateOnly today, int year, Campaign campaign, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var visits = await db.InspectionTasks.AsNoTracking()
            .Where(t => t.Status == TaskStatus.Done && t.InspectedOn >= from && t.InspectedOn <= to
                && t.Enterprise!.IsNuclearTechUser && t.Campaigns.Any(c => c.CampaignId == campaign.Id))
            .Select(t => new { t.EnterpriseId, Name = t.Enterprise!.Name, Day = t.InspectedOn!.Value, Team = t.Inspectors.Select(i => i.Inspector!.Name).ToList() })
            .ToListAsync(ct);
        var enterpriseIds = visits.Select(v => v.EnterpriseId).Distinct().ToList();
        var problems = await db.Problems.AsNoTracking().Include(p => p.Measures)
            .Where(p => p.CampaignId == campaign.Id && p.FoundOn >= from && p.FoundOn <= to && enterpriseIds.Contains(p.EnterpriseId))
            .ToListAsync(ct);

        var rows = visits.GroupBy(v => v.EnterpriseId).Select(g =>
        {
            var mine = problems.Where(p => p.EnterpriseId == g.Key).OrderBy(p => p.FoundOn).ToList();
            var fine = mine.Sum(p => ProblemRules.TotalFineWan(p.Measures));
            var team = g.SelectMany(v => v.Team).Distinct().ToList();
            return (First: g.Min(v => v.Day), Row: new NuclearRow(
                g.First().Name,
                string.Join("、", g.Select(v => v.Day).Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
                team.Count == 0 ? "—" : $"{team.Count}人（{string.Join("、", team)}）",
                mine.Count,
                mine.Count == 0 ? "未发现问题" : string.Join("；", mine.Select(p => Shorten(p.Description))),
                SummaryText.Rectification(mine, today),
                fine > 0 ? $"罚款{SummaryText.Wan(fine)}万元" : "未处罚"));
        }).OrderBy(r => r.First).ThenBy(r => r.Row.Enterprise, StringComparer.Ordinal).Select(r => r.Row).ToList();

        return new NuclearTable(rows, campaign.TargetUnitCount, rows.Count, problems.Count,
            problems.Count(p => p.Status == ProblemStatus.Closed), problems.Sum(p => ProblemRules.TotalFineWan(p.Measures)));
    }

    private static string Shorten(string text) =>
        text.Length <= ProblemTextLength ? text : string.Concat(text.AsSpan(0, ProblemTextLength), "…");
}
