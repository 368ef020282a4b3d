using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Problems;

/// <summary>An entity found at fault on several inspections (屡查屡犯).</summary>
public sealed record RepeatOffender(int EnterpriseId, string EnterpriseName, int Occasions, int ProblemCount, IReadOnlyList<DateOnly> Dates);

/// <summary>Entities with problems found on at least two inspections within the twelve months up to a day. An
/// inspection is its task when the problem records one, otherwise its date, so several problems found on one visit
/// count once.</summary>
public static class RepeatOffenders
{
    public sealed record Query(DateOnly? Until = null, int MinOccasions = 2, int Months = 12);

    /// <summary>One page of offenders, most occasions first, and how many there are in all.</summary>
    public sealed record Page(IReadOnlyList<RepeatOffender> Rows, int Total, int PageNumber, int PageCount);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
    {
        /// <summary>The database counts each entity's occasions and picks the page, so a year of a hundred thousand
        /// problems costs one aggregate (once per <see cref="LedgerVersion"/>) and one page of rows;
        /// <paramref name="townshipId"/> limits it to one township's entities (a liaison officer's view).</summary>
        public async Task<Page> PageAsync(Query query, int? townshipId, int pageNumber, int pageSize, CancellationToken ct)
        {
            var until = query.Until ?? ChinaTime.Today(clock);
            var from = until.AddMonths(-query.Months).AddDays(1);
            var window = db.Problems.AsNoTracking().Where(p => p.FoundOn >= from && p.FoundOn <= until);
            if (townshipId is { } township) window = window.Where(p => p.Enterprise!.TownshipId == township);
            // The occasions of Occasions() as rows: a task, or a task-less day no task of the entity covers.
            var counts = window
                .Where(p => p.TaskId != null || !window.Any(q => q.EnterpriseId == p.EnterpriseId && q.TaskId != null && q.FoundOn == p.FoundOn))
                .Select(p => new { p.EnterpriseId, p.TaskId, Day = p.TaskId == null ? p.FoundOn : (DateOnly?)null })
                .Distinct()
                .GroupBy(o => o.EnterpriseId)
                .Select(g => new { EnterpriseId = g.Key, Occasions = g.Count() })
                .Where(o => o.Occasions >= query.MinOccasions);
            var (total, page, ids) = await LedgerVersion.CachedAsync(cache, db, (query with { Until = until }, townshipId, pageNumber, pageSize), async uncancelled =>
            {
                var count = await counts.CountAsync(uncancelled);
                var clamped = Math.Clamp(pageNumber, 1, Math.Max(1, (count + pageSize - 1) / pageSize));
                var pageIds = await counts.Join(db.Enterprises, o => o.EnterpriseId, e => e.Id, (o, e) => new { o.EnterpriseId, o.Occasions, e.Name })
                    .OrderByDescending(o => o.Occasions).ThenBy(o => o.Name).ThenBy(o => o.EnterpriseId)
                    .Skip((clamped - 1) * pageSize).Take(pageSize).Select(o => o.EnterpriseId).ToListAsync(uncancelled);
                return (count, clamped, pageIds);
            }, ct);
            var found = await window.Where(p => ids.Contains(p.EnterpriseId))
                .Select(p => new Found(p.EnterpriseId, p.Enterprise!.Name, p.TaskId, p.FoundOn))
                .ToListAsync(ct);
            return new Page([.. Find(found, query.MinOccasions)], total, page, Math.Max(1, (total + pageSize - 1) / pageSize));
        }
    }

    internal sealed record Found(int EnterpriseId, string EnterpriseName, int? TaskId, DateOnly FoundOn);

    internal static IEnumerable<RepeatOffender> Find(IEnumerable<Found> found, int minOccasions) =>
        found.GroupBy(f => f.EnterpriseId)
            .Select(g => new RepeatOffender(g.Key, g.First().EnterpriseName, Occasions(g), g.Count(),
                [.. g.Select(f => f.FoundOn).Distinct().Order()]))
            .Where(o => o.Occasions >= minOccasions)
            .OrderByDescending(o => o.Occasions).ThenBy(o => o.EnterpriseName, StringComparer.Ordinal);

    /// <summary>Distinct tasks, plus the dates of task-less problems that no task of that day already covers.</summary>
    private static int Occasions(IEnumerable<Found> problems)
    {
        var list = problems.ToList();
        var tasks = list.Where(f => f.TaskId is not null).GroupBy(f => f.TaskId).ToList();
        var taskDates = tasks.SelectMany(t => t.Select(f => f.FoundOn)).ToHashSet();
        var looseDates = list.Where(f => f.TaskId is null && !taskDates.Contains(f.FoundOn)).Select(f => f.FoundOn).Distinct().Count();
        return tasks.Count + looseDates;
    }
}
