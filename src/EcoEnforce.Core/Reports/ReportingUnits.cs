using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Reports;

/// <summary>Who owes a campaign's monthly report and for which months.</summary>
public static class ReportingUnits
{
    /// <summary>The notice goes to the high-tech zone, every township and street, the partner departments and the bureau's
    /// sections taking part: the campaign's participating departments plus every territorial unit (属地).</summary>
    public static async Task<List<Department>> ForCampaignAsync(EcoEnforceDb db, int campaignId, CancellationToken ct)
    {
        var participants = db.Set<CampaignDepartment>().Where(d => d.CampaignId == campaignId).Select(d => d.DepartmentId);
        return await db.Departments.AsNoTracking()
            .Where(d => participants.Contains(d.Id) || d.Kind == DepartmentKind.Township || d.Kind == DepartmentKind.Street
                || d.Kind == DepartmentKind.ParkAdministration)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .ToListAsync(ct);
    }

    /// <summary>The campaigns of the current (not superseded) plans that want a monthly report, with the day it is due
    /// and the months it is owed for.</summary>
    public static async Task<List<MonthlyObligation>> MonthlyCampaignsAsync(EcoEnforceDb db, int? year, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Plan).Include(c => c.Phases).Include(c => c.ReportingDeadlines)
            .Where(c => c.Plan!.Status != PlanStatus.Superseded && (year == null || c.Plan.Year == year)
                && c.ReportingDeadlines.Any(d => d.Kind == ReportingKind.Monthly))
            .OrderByDescending(c => c.Plan!.Year).ThenBy(c => c.SortOrder)
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. campaigns.Select(c =>
        {
            var day = c.ReportingDeadlines.First(d => d.Kind == ReportingKind.Monthly).DayOfMonth ?? MonthlyDeadline.DefaultDay;
            var lastEnd = c.Phases.Max(p => p.End);
            return new MonthlyObligation(c, day, Months(c.Plan!.IssuedOn, lastEnd, c.Plan.Year, day));
        })];
    }

    /// <summary>Months a report is owed for: from the first month whose due day falls after the plan was issued, to the
    /// month the campaign's last phase ends (the water campaign of 2022: July to November).</summary>
    public static IReadOnlyList<(int Year, int Month)> Months(DateOnly? issuedOn, DateOnly? lastPhaseEnd, int year, int day)
    {
        var start = new DateOnly(year, 1, 1);
        if (issuedOn is { } issued && issued.Year == year)
            start = new MonthlyDeadline(year, issued.Month, day).DueDate > issued ? new(year, issued.Month, 1) : new DateOnly(year, issued.Month, 1).AddMonths(1);
        var lastMonth = lastPhaseEnd is { } end && end.Year == year ? end.Month : 12;
        var months = new List<(int, int)>();
        for (var m = start; m.Year == year && m.Month <= lastMonth; m = m.AddMonths(1)) months.Add((m.Year, m.Month));
        return months;
    }
}

public sealed record MonthlyObligation(Campaign Campaign, int Day, IReadOnlyList<(int Year, int Month)> Months)
{
    public MonthlyDeadline Deadline(int year, int month) => new(year, month, Day);

    /// <summary>This month when a report is owed for it; otherwise the last owed month (a past plan year) or the first.</summary>
    public (int Year, int Month) DefaultMonth(DateOnly today)
    {
        if (Months.Count == 0 || Months.Contains((today.Year, today.Month))) return (today.Year, today.Month);
        return Months[^1].Year * 12 + Months[^1].Month < today.Year * 12 + today.Month ? Months[^1] : Months[0];
    }

    /// <summary>"2022-08" as (2022, 8); null for anything else.</summary>
    public static (int Year, int Month)? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? (d.Year, d.Month) : null;
}
