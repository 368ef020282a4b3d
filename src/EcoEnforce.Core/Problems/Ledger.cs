using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Problems;

/// <summary>One ledger row: the problem with what 附表2 derives from its measures.</summary>
public sealed record LedgerRow(
    int Id,
    ProblemCategory Category,
    string CategoryLabel,
    string Description,
    int EnterpriseId,
    string EnterpriseName,
    string? TownshipName,
    TaskSource Source,
    string SourceLabel,
    DateOnly FoundOn,
    int? TaskId,
    int? CampaignId,
    DateOnly? RectificationDeadline,
    ProblemStatus Status,
    DateOnly? RectifiedOn,
    int Version,
    IReadOnlyCollection<MeasureKind> Measures,
    decimal TotalFineWan,
    bool IsOverdue)
{
    public bool Has(MeasureKind kind) => Measures.Contains(kind);
}

/// <summary>The problem ledger (问题台账) with the filters the monthly report and the supervisors use.</summary>
public static class Ledger
{
    public sealed record Filter
    {
        public ProblemCategory? Category { get; init; }
        public TaskSource? Source { get; init; }
        public MeasureKind? Measure { get; init; }
        public ProblemStatus? Status { get; init; }
        public int? TownshipId { get; init; }
        public int? CampaignId { get; init; }
        /// <summary>The 承办单位 whose report carries the problem.</summary>
        public int? UnitId { get; init; }
        /// <summary>Problems found in the month containing this day.</summary>
        public DateOnly? Month { get; init; }
        /// <summary>Found between these days, both included (a report's year to date).</summary>
        public DateOnly? FoundFrom { get; init; }
        public DateOnly? FoundTo { get; init; }
        /// <summary>Deadline passed and not closed (true), or the opposite (false).</summary>
        public bool? Overdue { get; init; }
    }

    /// <summary>One page of the ledger and the totals of everything the filter matches.</summary>
    public sealed record Page(IReadOnlyList<LedgerRow> Rows, int Total, int Overdue, decimal FineWan, int PageNumber, int PageCount);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
    {
        /// <summary>The page a person reads: rows <paramref name="pageSize"/> at a time, totals counted by the database
        /// once per ledger version (<see cref="LedgerVersion"/>), so a ledger of a million problems costs one page, not a
        /// million rows.</summary>
        public async Task<Page> PageAsync(Filter filter, int pageNumber, int pageSize, CancellationToken ct)
        {
            var today = ChinaTime.Today(clock);
            var matching = Apply(db.Problems.AsNoTracking(), filter, today);
            var (total, overdue, fines) = await LedgerVersion.CachedAsync(cache, db, (filter, today), async uncancelled =>
            {
                var overdueQuery = Apply(matching, new Filter { Overdue = true }, today); // only the overdue condition on top
                // Fines are decimals, which SQLite cannot sum: the penalty amounts come back and are added here.
                var fineList = await matching.Join(db.ProblemMeasures.Where(m => m.Kind == MeasureKind.Penalty && m.FineWan != null),
                        p => p.Id, m => m.ProblemId, (p, m) => m.FineWan!.Value)
                    .ToListAsync(uncancelled);
                return (await matching.CountAsync(uncancelled), await overdueQuery.CountAsync(uncancelled), fineList.Sum());
            }, ct);
            var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
            var page = Math.Clamp(pageNumber, 1, pageCount);
            var problems = await matching
                .Include(p => p.Enterprise!).ThenInclude(e => e.Township)
                .Include(p => p.Measures)
                .OrderBy(p => p.FoundOn).ThenBy(p => p.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .AsSplitQuery()
                .ToListAsync(ct);
            return new Page([.. problems.Select(p => ToRow(p, today))], total, overdue, fines, page, pageCount);
        }
    }

    public static IQueryable<Problem> Apply(IQueryable<Problem> query, Filter f, DateOnly today)
    {
        if (f.Category is { } category) query = query.Where(p => p.Category == category);
        if (f.Source is { } source) query = query.Where(p => p.Source == source);
        if (f.Measure is { } kind) query = query.Where(p => p.Measures.Any(m => m.Kind == kind));
        if (f.Status is { } status) query = query.Where(p => p.Status == status);
        if (f.TownshipId is { } township) query = query.Where(p => p.Enterprise!.TownshipId == township);
        if (f.CampaignId is { } campaign) query = query.Where(p => p.CampaignId == campaign);
        if (f.UnitId is { } unit) query = query.Where(p => p.UnitId == unit);
        if (f.Month is { } month)
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            var next = first.AddMonths(1);
            query = query.Where(p => p.FoundOn >= first && p.FoundOn < next);
        }
        if (f.FoundFrom is { } from) query = query.Where(p => p.FoundOn >= from);
        if (f.FoundTo is { } to) query = query.Where(p => p.FoundOn <= to);
        // Spelled out rather than negated: SQL's NULL < today is unknown, not false.
        if (f.Overdue == true)
            query = query.Where(p => p.RectificationDeadline != null && p.RectificationDeadline < today && p.Status != ProblemStatus.Closed);
        if (f.Overdue == false)
            query = query.Where(p => p.RectificationDeadline == null || p.RectificationDeadline >= today || p.Status == ProblemStatus.Closed);
        return query;
    }

    public static LedgerRow ToRow(Problem p, DateOnly today) => new(
        p.Id, p.Category, ProblemLabels.Category(p), p.Description, p.EnterpriseId, p.Enterprise?.Name ?? "",
        p.Enterprise?.Township?.Name, p.Source, ProblemLabels.Source(p.Source, p.SourceOther), p.FoundOn, p.TaskId,
        p.CampaignId, p.RectificationDeadline, p.Status, p.RectifiedOn, p.Version,
        p.Measures.Select(m => m.Kind).ToHashSet(), ProblemRules.TotalFineWan(p.Measures), p.IsOverdue(today));
}
