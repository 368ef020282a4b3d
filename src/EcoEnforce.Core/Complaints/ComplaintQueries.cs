using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Complaints;

public sealed record NightWorkMonth(int EnterpriseId, string EnterpriseName, int Year, int Month, int Complaints);

/// <summary>Read side of complaints: hot spots over a period and night-work complaints per construction site.
/// <paramref name="townshipId"/> restricts to one township (a liaison officer's).</summary>
public sealed class ComplaintQueries(EcoEnforceDb db, ComplaintOptions options, TimeProvider clock)
{
    public IQueryable<Complaint> Visible(int? townshipId) =>
        townshipId is { } t ? db.Complaints.Where(c => c.TownshipId == t) : db.Complaints;

    public async Task<IReadOnlyList<HotSpot>> HotSpotsAsync(DateTime fromUtc, DateTime toUtc, int? townshipId, CancellationToken ct)
    {
        var rows = await Visible(townshipId).AsNoTracking()
            .Where(c => c.DuplicateOfId == null && c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc)
            .Select(c => new
            {
                c.Id, c.Latitude, c.Longitude, c.ReceivedAtUtc, c.IsNight, c.EnterpriseId, c.MatchStatus,
                EntityLat = c.Enterprise == null ? (double?)null : c.Enterprise.Latitude,
                EntityLon = c.Enterprise == null ? (double?)null : c.Enterprise.Longitude,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var repeats = await db.Complaints.Where(c => c.DuplicateOfId != null && ids.Contains(c.DuplicateOfId.Value))
            .GroupBy(c => c.DuplicateOfId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var trusted = new[] { MatchStatus.Auto, MatchStatus.Confirmed };
        var events = rows
            .Select(r => r.Latitude is { } lat && r.Longitude is { } lon ? (r, lat, lon)
                : trusted.Contains(r.MatchStatus) && r.EntityLat is { } elat && r.EntityLon is { } elon ? (r, elat, elon) : (r, double.NaN, double.NaN))
            .Where(x => !double.IsNaN(x.Item2))
            .Select(x => new HotSpotInput(x.r.Id, x.Item2, x.Item3, x.r.ReceivedAtUtc, x.r.IsNight,
                trusted.Contains(x.r.MatchStatus) ? x.r.EnterpriseId : null, repeats.GetValueOrDefault(x.r.Id)))
            .ToList();
        var asOf = toUtc < clock.GetUtcNow().UtcDateTime ? toUtc : clock.GetUtcNow().UtcDateTime;
        return HotSpots.Find(events, options, asOf);
    }

    /// <summary>Night-time complaints (merged repeats included: each call is a night disturbed) per construction
    /// site and month.</summary>
    public async Task<IReadOnlyList<NightWorkMonth>> NightWorkAsync(DateTime fromUtc, DateTime toUtc, int? townshipId, CancellationToken ct)
    {
        var rows = await Visible(townshipId).AsNoTracking()
            .Where(c => c.IsNight && c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc)
            .Select(c => new
            {
                c.ReceivedAtUtc,
                EnterpriseId = c.EnterpriseId ?? (c.DuplicateOf != null ? c.DuplicateOf.EnterpriseId : null),
            })
            .Where(c => c.EnterpriseId != null)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.EnterpriseId!.Value).Distinct().ToList();
        var sites = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id) && e.IsConstructionSite)
            .ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return [.. rows.Where(r => sites.ContainsKey(r.EnterpriseId!.Value))
            .Select(r => (Id: r.EnterpriseId!.Value, China: Common.ChinaTime.ToChina(r.ReceivedAtUtc)))
            .GroupBy(r => (r.Id, r.China.Year, r.China.Month))
            .Select(g => new NightWorkMonth(g.Key.Id, sites[g.Key.Id], g.Key.Year, g.Key.Month, g.Count()))
            .OrderBy(n => n.EnterpriseName, StringComparer.Ordinal).ThenBy(n => n.Year).ThenBy(n => n.Month)];
    }
}
