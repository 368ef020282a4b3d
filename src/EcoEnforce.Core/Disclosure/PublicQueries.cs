using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Disclosure;

/// <summary>A disclosure as the public site may show it: only these fields leave the building — never the author, the
/// reviewer, internal comments or anything of the task, the problem or the party beyond the masked content.</summary>
public sealed record PublicItem(int Id, PublicationKind Kind, string Title, int Year, string? Campaign, string? Township, DateOnly EventOn,
    DateTime? PublishedAtUtc, bool Withdrawn, DateTime? WithdrawnAtUtc, string? PublicNote, int Revision, string? ContentJson);

public sealed record PublicFilter
{
    public PublicationKind? Kind { get; init; }
    public int? Year { get; init; }
    public int? CampaignId { get; init; }
    public int? TownshipId { get; init; }
    /// <summary>Inspection results with (true) or without (false) problems found.</summary>
    public bool? ProblemsFound { get; init; }
    /// <summary>Part of the title: the entity's name or the decision number.</summary>
    public string? Query { get; init; }
}

/// <summary>The public site's only way into the data: published or withdrawn disclosures (a withdrawn one without its
/// content). Drafts, items under review, returned and superseded revisions are unreachable.</summary>
public static class PublicQueries
{
    public const int MaxRows = 5000;

    /// <summary>The newest matching items, at most <paramref name="limit"/> (the open-data files and the feed).</summary>
    public static Task<List<PublicItem>> ListAsync(EcoEnforceDb db, PublicFilter f, CancellationToken ct, int limit = MaxRows) =>
        ProjectAsync(db, Newest(Matching(db, f)).Take(limit), ct);

    /// <summary>One page of the newest matching items and how many match in all, both from the database.</summary>
    public static async Task<(List<PublicItem> Items, int Total, int PageNumber)> PageAsync(EcoEnforceDb db, PublicFilter f, int pageNumber, int pageSize,
        CancellationToken ct)
    {
        var matching = Matching(db, f);
        var total = await matching.CountAsync(ct);
        var page = Math.Clamp(pageNumber, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        return (await ProjectAsync(db, Newest(matching).Skip((page - 1) * pageSize).Take(pageSize), ct), total, page);
    }

    private static IQueryable<Publication> Matching(EcoEnforceDb db, PublicFilter f)
    {
        var query = db.Publications.AsNoTracking().Where(p => p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Withdrawn);
        if (f.Kind is { } kind) query = query.Where(p => p.Kind == kind);
        if (f.Year is { } year) query = query.Where(p => p.Year == year);
        if (f.CampaignId is { } campaign) query = query.Where(p => p.CampaignId == campaign);
        if (f.TownshipId is { } township) query = query.Where(p => p.TownshipId == township);
        if (f.Query?.Trim() is { Length: > 0 } q) query = query.Where(p => p.Title.Contains(q));
        // A withdrawn item's content is not public, so neither is its outcome.
        if (f.ProblemsFound is { } found) query = query.Where(p => p.Status == PublicationStatus.Published && p.ProblemsFound == found);
        return query;
    }

    private static IQueryable<Publication> Newest(IQueryable<Publication> query) =>
        query.OrderByDescending(p => p.PublishedAtUtc).ThenByDescending(p => p.Id);

    /// <summary>One item by id; a superseded revision answers with the revision that replaced it.</summary>
    public static async Task<PublicItem?> FindAsync(EcoEnforceDb db, int id, CancellationToken ct)
    {
        var key = await db.Publications.AsNoTracking()
            .Where(p => p.Id == id && (p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Withdrawn || p.Status == PublicationStatus.Superseded))
            .Select(p => p.ItemKey).FirstOrDefaultAsync(ct);
        if (key is null) return null;
        var current = await db.Publications.AsNoTracking()
            .Where(p => p.ItemKey == key && (p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Withdrawn))
            .Select(p => p.Id).FirstOrDefaultAsync(ct);
        return current == 0 ? null : (await ProjectAsync(db, db.Publications.AsNoTracking().Where(p => p.Id == current), ct)).Single();
    }

    private static async Task<List<PublicItem>> ProjectAsync(EcoEnforceDb db, IQueryable<Publication> query, CancellationToken ct)
    {
        var rows = await query.Select(p => new
            {
                p.Id, p.Kind, p.Title, p.Year, p.CampaignId, p.TownshipId, p.EventOn, p.PublishedAtUtc, p.Status, p.WithdrawnAtUtc, p.PublicNote,
                p.Revision, p.ContentJson,
            })
            .ToListAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().Select(c => new { c.Id, c.ShortName }).ToDictionaryAsync(c => c.Id, c => c.ShortName, ct);
        var townships = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return [.. rows.Select(p => new PublicItem(p.Id, p.Kind, p.Title, p.Year, p.CampaignId is { } c ? campaigns.GetValueOrDefault(c) : null,
            p.TownshipId is { } t ? townships.GetValueOrDefault(t) : null, p.EventOn, p.PublishedAtUtc, p.Status == PublicationStatus.Withdrawn,
            p.WithdrawnAtUtc, p.PublicNote, p.Revision, p.Status == PublicationStatus.Withdrawn ? null : p.ContentJson))];
    }
}
