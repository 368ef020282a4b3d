using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Reports;

/// <summary>A plan year's figures for the dashboard and the annual summary, optionally narrowed to a campaign, a unit and
/// a month. Months are China calendar months; a problem belongs to the month it was found in.</summary>
public sealed record YearFigures(
    int Year,
    /// <summary>Index 0 is January: inspections planned and carried out in each month.</summary>
    IReadOnlyList<int> PlannedByMonth,
    IReadOnlyList<int> DoneByMonth,
    IReadOnlyList<int> FoundByMonth,
    IReadOnlyList<(string Label, int Count)> ByCategory,
    IReadOnlyList<(string Label, int Count)> BySource,
    IReadOnlyList<(string Label, int Count)> ByMeasure,
    int Found,
    int Closed,
    int AwaitingVerification,
    int Overdue,
    decimal FinesWan,
    IReadOnlyList<CampaignFigures> Campaigns)
{
    public int Planned => PlannedByMonth.Sum();
    public int Done => DoneByMonth.Sum();
    /// <summary>整改完成率: closed of found, as a percentage; null when nothing was found.</summary>
    public double? RectificationRate => Found == 0 ? null : Math.Round(100.0 * Closed / Found, 1);
}

public sealed record CampaignFigures(int CampaignId, string ShortName, int Done, int Found, int Closed, decimal FinesWan);

public static class Figures
{
    public sealed record Filter(int Year, int? CampaignId = null, int? UnitId = null, int? Month = null);

    public static async Task<YearFigures> ForAsync(EcoEnforceDb db, TimeProvider clock, Filter f, CancellationToken ct)
    {
        var from = new DateOnly(f.Year, f.Month ?? 1, 1);
        var to = f.Month is null ? new DateOnly(f.Year, 12, 31) : from.AddMonths(1).AddDays(-1);
        var today = ChinaTime.Today(clock);

        var tasks = db.InspectionTasks.AsNoTracking().Where(t => t.Status != TaskStatus.Cancelled);
        if (f.CampaignId is { } campaign) tasks = tasks.Where(t => t.Campaigns.Any(c => c.CampaignId == campaign));
        if (f.UnitId is { } unit) tasks = tasks.Where(t => t.UnitId == unit);
        var taskRows = await tasks
            .Where(t => ((t.PlannedOn ?? t.WindowStart) >= from && (t.PlannedOn ?? t.WindowStart) <= to) || (t.InspectedOn >= from && t.InspectedOn <= to))
            .Select(t => new { Planned = t.PlannedOn ?? t.WindowStart, t.InspectedOn, t.Status, Campaigns = t.Campaigns.Select(c => c.CampaignId).ToList() })
            .ToListAsync(ct);

        var problems = db.Problems.AsNoTracking().Where(p => p.FoundOn >= from && p.FoundOn <= to);
        if (f.CampaignId is { } c2) problems = problems.Where(p => p.CampaignId == c2);
        if (f.UnitId is { } u2) problems = problems.Where(p => p.UnitId == u2);
        var problemRows = await problems.Include(p => p.Measures).AsSplitQuery().ToListAsync(ct);

        var planned = new int[12];
        var done = new int[12];
        var found = new int[12];
        foreach (var t in taskRows)
        {
            if (t.Planned >= from && t.Planned <= to) planned[t.Planned.Month - 1]++;
            if (t.Status == TaskStatus.Done && t.InspectedOn is { } d && d >= from && d <= to) done[d.Month - 1]++;
        }
        foreach (var p in problemRows) found[p.FoundOn.Month - 1]++;

        var campaignNames = await db.Campaigns.AsNoTracking().Where(c => c.Plan!.Year == f.Year && c.Plan.Status != Campaigns.PlanStatus.Superseded)
            .OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.ShortName }).ToListAsync(ct);
        var perCampaign = campaignNames.Where(c => f.CampaignId is null || c.Id == f.CampaignId).Select(c =>
        {
            var mine = problemRows.Where(p => p.CampaignId == c.Id).ToList();
            return new CampaignFigures(c.Id, c.ShortName,
                taskRows.Count(t => t.Status == TaskStatus.Done && t.InspectedOn >= from && t.InspectedOn <= to && t.Campaigns.Contains(c.Id)),
                mine.Count, mine.Count(p => p.Status == ProblemStatus.Closed), mine.Sum(p => ProblemRules.TotalFineWan(p.Measures)));
        }).ToList();

        return new YearFigures(f.Year, planned, done, found,
            Count(problemRows, p => ProblemLabels.Category(p.Category, null), Labels.ProblemCategories.Values),
            Count(problemRows, p => Labels.TaskSources[p.Source], Labels.TaskSources.Values),
            [.. Labels.MeasureKinds.Select(m => (m.Value, problemRows.Count(p => p.Measures.Any(x => x.Kind == m.Key))))],
            problemRows.Count,
            problemRows.Count(p => p.Status == ProblemStatus.Closed),
            problemRows.Count(p => p.Status == ProblemStatus.AwaitingVerification),
            problemRows.Count(p => p.IsOverdue(today)),
            problemRows.Sum(p => ProblemRules.TotalFineWan(p.Measures)),
            perCampaign);
    }

    /// <summary>Counts per label in the form's order, every label listed even at zero so charts keep their axes.</summary>
    private static List<(string, int)> Count(List<Problem> problems, Func<Problem, string> label, IEnumerable<string> order) =>
        [.. order.Select(l => (l, problems.Count(p => label(p) == l)))];
}
