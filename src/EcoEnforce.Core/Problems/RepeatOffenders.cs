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

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<IReadOnlyList<RepeatOffender>> HandleAsync(Query query, CancellationToken ct)
        {
            var until = query.Until ?? ChinaTime.Today(clock);
            var from = until.AddMonths(-query.Months).AddDays(1);
            var found = await db.Problems.AsNoTracking()
                .Where(p => p.FoundOn >= from && p.FoundOn <= until)
                .Select(p => new Found(p.EnterpriseId, p.Enterprise!.Name, p.TaskId, p.FoundOn))
                .ToListAsync(ct);
            return [.. Find(found, query.MinOccasions)];
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
