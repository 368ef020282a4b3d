using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Reports;

/// <summary>One unit's line on the bureau's board for a campaign and month.</summary>
public sealed record BoardLine(
    Department Unit,
    MonthlyReport? Latest,
    /// <summary>True when the figures come from a submitted report; false when they are the live (unreported) ones.</summary>
    bool Reported,
    InspectionCounts ThisMonth,
    InspectionCounts Total,
    bool? OnTime,
    /// <summary>Owes the report (a campaign participant or a territorial unit) and has not submitted it by the deadline.</summary>
    bool Overdue,
    /// <summary>False for a unit that is not asked for the report but has work recorded under the campaign.</summary>
    bool Obligated);

public sealed record Board(MonthlyObligation Obligation, int Year, int Month, MonthlyDeadline Deadline, IReadOnlyList<BoardLine> Lines,
    InspectionCounts UnassignedMonth, InspectionCounts UnassignedTotal)
{
    /// <summary>The district roll-up: every unit's line (reported figures where there are any) plus what no unit carries.</summary>
    public InspectionCounts SumMonth => Sum(Lines.Select(l => l.ThisMonth).Append(UnassignedMonth));
    public InspectionCounts SumTotal => Sum(Lines.Select(l => l.Total).Append(UnassignedTotal));

    public static InspectionCounts Sum(IEnumerable<InspectionCounts> counts) => counts.Aggregate(new InspectionCounts(0, 0, 0, 0),
        (a, c) => new(a.Planned + c.Planned, a.Done + c.Done, a.ProblemsFound + c.ProblemsFound, a.Rectified + c.Rectified));
}

/// <summary>Where every unit stands with a month's report: status, punctuality, figures — the bureau's overdue list and
/// roll-up, and the reminders a unit sees.</summary>
public static class MonthlyBoard
{
    public static async Task<Board> ForAsync(EcoEnforceDb db, TimeProvider clock, MonthlyObligation obligation, int year, int month, CancellationToken ct)
    {
        var campaignId = obligation.Campaign.Id;
        var deadline = obligation.Deadline(year, month);
        var now = clock.GetUtcNow().UtcDateTime;
        var units = await ReportingUnits.ForCampaignAsync(db, campaignId, ct);
        var reports = await db.MonthlyReports.AsNoTracking().Where(r => r.CampaignId == campaignId && r.Year == year && r.Month == month).ToListAsync(ct);
        var first = new DateOnly(year, month, 1);
        var end = first.AddMonths(1).AddDays(-1);
        var liveMonth = await MonthlyForm.CountsByUnitAsync(db, campaignId, first, end, ct);
        var liveTotal = await MonthlyForm.CountsByUnitAsync(db, campaignId, new DateOnly(year, 1, 1), end, ct);
        var empty = new InspectionCounts(0, 0, 0, 0);

        // Units with work recorded but not on the obligation list (e.g. a section that led an inspection) still count.
        var obligated = units.Select(u => u.Id).ToHashSet();
        var extra = liveTotal.Keys.Where(k => k != MonthlyForm.NoUnit).Concat(reports.Select(r => r.UnitId)).Except(units.Select(u => u.Id)).ToList();
        if (extra.Count > 0) units.AddRange(await db.Departments.AsNoTracking().Where(d => extra.Contains(d.Id)).OrderBy(d => d.SortOrder).ToListAsync(ct));

        var lines = units.Select(unit =>
        {
            var mine = reports.Where(r => r.UnitId == unit.Id).OrderByDescending(r => r.Revision).ToList();
            var shown = mine.FirstOrDefault(r => r.Status is MonthlyReportStatus.Submitted or MonthlyReportStatus.Approved);
            var firstSubmission = mine.Where(r => r.SubmittedAtUtc is not null).Min(r => r.SubmittedAtUtc);
            var snapshot = shown?.SnapshotJson is { } json ? MonthlySnapshot.FromJson(json) : null;
            return new BoardLine(unit, mine.FirstOrDefault(), snapshot is not null,
                snapshot?.ThisMonth ?? liveMonth.GetValueOrDefault(unit.Id, empty), snapshot?.Total ?? liveTotal.GetValueOrDefault(unit.Id, empty),
                firstSubmission is { } at ? deadline.IsOnTime(at) : null,
                firstSubmission is null && obligated.Contains(unit.Id) && deadline.IsOverdue(now), obligated.Contains(unit.Id));
        }).ToList();
        return new Board(obligation, year, month, deadline, lines, liveMonth.GetValueOrDefault(MonthlyForm.NoUnit, empty), liveTotal.GetValueOrDefault(MonthlyForm.NoUnit, empty));
    }

    /// <summary>The reports a unit still owes, with their deadlines: the months due within the reminder window or already
    /// late, for every campaign that wants a monthly report.</summary>
    public static async Task<List<(MonthlyObligation Obligation, int Year, int Month, MonthlyDeadline Deadline)>> OwedByAsync(
        EcoEnforceDb db, TimeProvider clock, int unitId, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var owed = new List<(MonthlyObligation, int, int, MonthlyDeadline)>();
        foreach (var obligation in await ReportingUnits.MonthlyCampaignsAsync(db, null, ct))
        {
            if (!(await ReportingUnits.ForCampaignAsync(db, obligation.Campaign.Id, ct)).Any(u => u.Id == unitId)) continue;
            var submitted = await db.MonthlyReports.Where(r => r.CampaignId == obligation.Campaign.Id && r.UnitId == unitId && r.SubmittedAtUtc != null)
                .Select(r => new { r.Year, r.Month }).Distinct().ToListAsync(ct);
            foreach (var (year, month) in obligation.Months)
            {
                var deadline = obligation.Deadline(year, month);
                if (submitted.Any(s => s.Year == year && s.Month == month)) continue;
                if (deadline.ShouldRemind(today) || deadline.DaysLeft(today) < 0) owed.Add((obligation, year, month, deadline));
            }
        }
        return owed;
    }
}
