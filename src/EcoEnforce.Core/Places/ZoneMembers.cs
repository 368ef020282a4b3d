using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Places;

/// <summary>The registry entities a place's zone covers under the default distances.</summary>
public sealed class ZoneMembers(EcoEnforceDb db, ISpatialQueries spatial)
{
    public async Task<IReadOnlySet<int>?> ForPlaceAsync(int placeId, CancellationToken ct)
    {
        var kind = await db.Places.Where(p => p.Id == placeId).Select(p => (PlaceKind?)p.Kind).FirstOrDefaultAsync(ct);
        if (kind is null) return null;
        var ids = await spatial.EnterprisesWithinAsync([placeId], ZoneDefaults.Metres(kind.Value), ct);
        if (!ZoneDefaults.ChemicalOnly(kind.Value)) return ids;
        var chemical = await db.Enterprises.Where(e => e.IsChemical && ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
        return chemical.ToHashSet();
    }
}
