using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Problems;

/// <summary>Section 1 of 附表2 computed from the live records instead of typed in: planned and completed inspections
/// of the campaign, problems found and problems put right, for the month and for the year to its end.</summary>
public static class ReportCounts
{
    public static async Task<(InspectionCounts Month, InspectionCounts Total)> ForAsync(EcoEnforceDb db, int campaignId, int year, int month, CancellationToken ct)
    {
        var first = new DateOnly(year, month, 1);
        var end = first.AddMonths(1).AddDays(-1);
        var yearStart = new DateOnly(year, 1, 1);
        return (await CountAsync(db, campaignId, first, end, ct), await CountAsync(db, campaignId, yearStart, end, ct));
    }

    private static async Task<InspectionCounts> CountAsync(EcoEnforceDb db, int campaignId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tasks = db.InspectionTasks.AsNoTracking().Where(t => t.Campaigns.Any(c => c.CampaignId == campaignId));
        var planned = await tasks.CountAsync(t => t.Status != Inspections.TaskStatus.Cancelled && (t.PlannedOn ?? t.WindowStart) >= from
            && (t.PlannedOn ?? t.WindowStart) <= to, ct);
        var done = await tasks.CountAsync(t => t.Status == Inspections.TaskStatus.Done && t.InspectedOn >= from && t.InspectedOn <= to, ct);
        var problems = db.Problems.AsNoTracking().Where(p => p.CampaignId == campaignId);
        var found = await problems.CountAsync(p => p.FoundOn >= from && p.FoundOn <= to, ct);
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Common.ChinaTime.Offset;
        var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Common.ChinaTime.Offset;
        var rectified = await problems.CountAsync(p => p.Status == ProblemStatus.Closed && p.ClosedAtUtc >= fromUtc && p.ClosedAtUtc < toUtc, ct);
        return new InspectionCounts(planned, done, found, rectified);
    }
}
