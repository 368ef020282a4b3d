using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Reports;

/// <summary>附表2 as computed at one moment: what a submission freezes and what an export writes.</summary>
public sealed record MonthlySnapshot(
    string CampaignShortName,
    int Year,
    int Month,
    string UnitName,
    InspectionCounts ThisMonth,
    InspectionCounts Total,
    IReadOnlyList<LedgerRow> Rows,
    DateTime ComputedAtUtc)
{
    public LedgerForm Form(string? filedBy = null, DateOnly? filedOn = null, string? phone = null) =>
        new(CampaignShortName, Year, Month, UnitName, ThisMonth, Total, filedBy, filedOn, phone);

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);

    public static MonthlySnapshot FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<MonthlySnapshot>(json, Json) ?? throw new InvalidDataException("空的报表快照");

    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>Computes a unit's 附表2 from the live records: section 1 counts the inspections and problems of the month and
/// of the year to the month's end; section 2 lists every problem found from 1 January to the month's end (全年累计填报).
/// A unit's report holds what it carried out (承办单位); without a unit it is the district's, which is the sum of all units.</summary>
public static class MonthlyForm
{
    public const string DistrictName = "涪陵区生态环境局（全区汇总）";

    public static async Task<MonthlySnapshot> ComputeAsync(EcoEnforceDb db, TimeProvider clock, int campaignId, int? unitId, int year, int month,
        CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.ShortName).FirstAsync(ct);
        var unitName = unitId is { } u ? await db.Departments.Where(d => d.Id == u).Select(d => d.Name).FirstAsync(ct) : DistrictName;
        var first = new DateOnly(year, month, 1);
        var end = first.AddMonths(1).AddDays(-1);
        var yearStart = new DateOnly(year, 1, 1);
        var today = ChinaTime.Today(clock);
        var problems = await Ledger.Apply(db.Problems.AsNoTracking(), new Ledger.Filter { CampaignId = campaignId, UnitId = unitId, FoundFrom = yearStart, FoundTo = end }, today)
            .Include(p => p.Enterprise!).ThenInclude(e => e.Township)
            .Include(p => p.Measures)
            .OrderBy(p => p.FoundOn).ThenBy(p => p.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        return new MonthlySnapshot(campaign, year, month, unitName,
            await CountAsync(db, campaignId, unitId, first, end, ct), await CountAsync(db, campaignId, unitId, yearStart, end, ct),
            [.. problems.Select(p => Ledger.ToRow(p, today))], clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>One unit's section 1, or the district's (the sum over every unit and the unrecorded ones).</summary>
    public static async Task<InspectionCounts> CountAsync(EcoEnforceDb db, int campaignId, int? unitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var byUnit = await CountsByUnitAsync(db, campaignId, from, to, ct);
        return unitId is { } unit ? byUnit.GetValueOrDefault(unit, new InspectionCounts(0, 0, 0, 0)) : Board.Sum(byUnit.Values);
    }

    /// <summary>The key of the counts of tasks and problems with no unit recorded.</summary>
    public const int NoUnit = -1;

    /// <summary>Section 1 for every unit at once. Planned: tasks (not cancelled) planned in the period; done: inspections
    /// carried out in it; found: problems found in it; rectified: problems closed (整改核查到位) in it, by China time.</summary>
    public static async Task<Dictionary<int, InspectionCounts>> CountsByUnitAsync(EcoEnforceDb db, int campaignId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tasks = db.InspectionTasks.AsNoTracking().Where(t => t.Campaigns.Any(c => c.CampaignId == campaignId));
        var planned = await tasks.Where(t => t.Status != TaskStatus.Cancelled && (t.PlannedOn ?? t.WindowStart) >= from && (t.PlannedOn ?? t.WindowStart) <= to)
            .GroupBy(t => t.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? NoUnit, x => x.Count, ct);
        var done = await tasks.Where(t => t.Status == TaskStatus.Done && t.InspectedOn >= from && t.InspectedOn <= to)
            .GroupBy(t => t.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? NoUnit, x => x.Count, ct);
        var problems = db.Problems.AsNoTracking().Where(p => p.CampaignId == campaignId);
        var found = await problems.Where(p => p.FoundOn >= from && p.FoundOn <= to)
            .GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? NoUnit, x => x.Count, ct);
        var fromUtc = ChinaTime.StartOfDayUtc(from);
        var toUtc = ChinaTime.StartOfDayUtc(to.AddDays(1));
        var rectified = await problems.Where(p => p.Status == ProblemStatus.Closed && p.ClosedAtUtc >= fromUtc && p.ClosedAtUtc < toUtc)
            .GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? NoUnit, x => x.Count, ct);
        return planned.Keys.Union(done.Keys).Union(found.Keys).Union(rectified.Keys).ToDictionary(k => k, k => new InspectionCounts(planned.GetValueOrDefault(k), done.GetValueOrDefault(k), found.GetValueOrDefault(k), rectified.GetValueOrDefault(k)));
    }
}
