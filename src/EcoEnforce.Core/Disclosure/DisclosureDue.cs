using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Disclosure;

public enum DueState
{
    /// <summary>按时公开.</summary>
    OnTime = 0,
    /// <summary>逾期公开.</summary>
    PublishedLate = 1,
    /// <summary>未公开，尚在时限内.</summary>
    Pending = 2,
    /// <summary>未公开，三个工作日内到期.</summary>
    DueSoon = 3,
    /// <summary>未公开，已逾期.</summary>
    Late = 4,
}

/// <summary>Something the bureau must disclose: a done 双随机 inspection or a penalty decision, with its deadline and
/// where its publication stands.</summary>
public sealed record DueItem(PublicationKind Kind, string ItemKey, int SourceId, string Title, DateOnly EventOn, DateOnly DueOn,
    DateOnly? FirstPublishedOn, int? LatestPublicationId, PublicationStatus? LatestStatus, DueState State);

/// <summary>公开率 for a year: of the items whose deadline has passed, how many were published, and how many on time.</summary>
public sealed record DisclosureRate(int Year, int Due, int Published, int OnTime)
{
    public double? Percent => Due == 0 ? null : Math.Round(100.0 * Published / Due, 1);
    public double? OnTimePercent => Due == 0 ? null : Math.Round(100.0 * OnTime / Due, 1);
}

public static class DisclosureDue
{
    public const int DueSoonWorkingDays = 3;

    public static async Task<List<DueItem>> ForYearAsync(EcoEnforceDb db, TimeProvider clock, int year, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var inspections = await db.InspectionTasks.AsNoTracking()
            .Where(t => t.Status == TaskStatus.Done && t.InspectedOn >= from && t.InspectedOn <= to
                && (t.Source == Inspections.TaskSource.RandomDraw || t.Campaigns.Any(c => c.DrawId != null)))
            .Select(t => new { t.Id, t.Enterprise!.Name, On = t.InspectedOn!.Value }).ToListAsync(ct);
        var penalties = await db.ProblemMeasures.AsNoTracking()
            .Where(m => m.Kind == MeasureKind.Penalty && m.TakenOn >= from && m.TakenOn <= to)
            .Join(db.Problems, m => m.ProblemId, p => p.Id, (m, p) => new { m.Id, m.DecisionNumber, p.Enterprise!.Name, On = m.TakenOn })
            .ToListAsync(ct);
        var publications = await db.Publications.AsNoTracking().Where(p => p.Year == year)
            .Select(p => new { p.Id, p.ItemKey, p.Revision, p.Status, p.PublishedAtUtc }).ToListAsync(ct);
        var byKey = publications.ToLookup(p => p.ItemKey);
        var today = ChinaTime.Today(clock);
        var calendar = WorkingCalendar.China;

        DueItem Item(PublicationKind kind, string key, int id, string title, DateOnly on)
        {
            var due = Publications.DueOn(kind, on);
            var mine = byKey[key].ToList();
            var first = mine.Where(p => p.PublishedAtUtc is not null).Min(p => p.PublishedAtUtc);
            var firstOn = first is { } f ? DateOnly.FromDateTime(ChinaTime.ToChina(f)) : (DateOnly?)null;
            var latest = mine.MaxBy(p => p.Revision);
            var state = firstOn is { } published ? (published <= due ? DueState.OnTime : DueState.PublishedLate)
                : today > due ? DueState.Late
                : calendar.WorkingDaysBetween(today, due) <= DueSoonWorkingDays ? DueState.DueSoon : DueState.Pending;
            return new DueItem(kind, key, id, title, on, due, firstOn, latest?.Id, latest?.Status, state);
        }

        return [.. inspections.Select(t => Item(PublicationKind.InspectionResult, Publications.TaskKey(t.Id), t.Id, $"{t.Name} 双随机抽查结果", t.On))
            .Concat(penalties.Select(m => Item(PublicationKind.PenaltyDecision, Publications.MeasureKey(m.Id), m.Id, $"{m.DecisionNumber} {m.Name}", m.On)))
            .OrderBy(i => i.DueOn).ThenBy(i => i.ItemKey)];
    }

    /// <summary>Only items whose deadline has passed count: one still within its time limit is neither late nor missing.</summary>
    public static DisclosureRate Rate(int year, IEnumerable<DueItem> items, DateOnly today)
    {
        var counted = items.Where(i => i.DueOn < today || i.FirstPublishedOn is not null).ToList();
        return new DisclosureRate(year, counted.Count, counted.Count(i => i.FirstPublishedOn is not null), counted.Count(i => i.State == DueState.OnTime));
    }
}
