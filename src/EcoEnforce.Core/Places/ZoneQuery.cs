using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Places;

/// <summary>What to look for: places of a kind (air stations of a level), a distance, and which entities count.</summary>
public sealed record ZoneCriteria(PlaceKind Kind, double Metres, StationLevel? Level = null, bool ChemicalOnly = false, bool RiskOnly = false,
    bool ConstructionOnly = false);

/// <summary>An entity inside a zone, with the nearest of the zone's places and how far it is.</summary>
public sealed record ZoneEntity(Registry.Enterprise Entity, Place Nearest, double DistanceMetres);

/// <summary>Zones as queries: "chemical enterprises within 1 km of the Yangtze", "everything within 3 km of the
/// national stations". Membership comes from <see cref="ISpatialQueries"/> (PostGIS on PostgreSQL, NetTopologySuite on
/// SQLite, the same answer on both); the distance shown is to the nearest place.</summary>
public sealed class ZoneQuery(EcoEnforceDb db, ISpatialQueries spatial)
{
    public const double MaxMetres = 50_000;

    public async Task<IReadOnlyList<ZoneEntity>> ListAsync(ZoneCriteria criteria, CancellationToken ct)
    {
        var places = await db.Places.AsNoTracking().Include(p => p.ActivePeriods)
            .Where(p => p.Kind == criteria.Kind && (criteria.Level == null || p.Level == criteria.Level))
            .OrderBy(p => p.Id).ToListAsync(ct);
        if (places.Count == 0) return [];
        var metres = Math.Clamp(criteria.Metres, 0, MaxMetres);
        var ids = await spatial.EnterprisesWithinAsync([.. places.Select(p => p.Id)], metres, ct);
        var entities = await db.Enterprises.AsNoTracking().Include(e => e.Township)
            .Where(e => ids.Contains(e.Id)
                && (!criteria.ChemicalOnly || e.IsChemical)
                && (!criteria.RiskOnly || e.IsEnvironmentalRisk)
                && (!criteria.ConstructionOnly || e.IsConstructionSite))
            .ToListAsync(ct);
        var geometries = places.Select(p => (Place: p, Geometry: PlaceGeometry.Parse(p.GeometryWkt))).ToList();
        return [.. entities
            .Select(e => geometries.Select(g => new ZoneEntity(e, g.Place, PlaceGeometry.DistanceMetres(g.Geometry, e.Latitude, e.Longitude)))
                .MinBy(z => z.DistanceMetres)!)
            .OrderBy(z => z.Nearest.Name, StringComparer.Ordinal).ThenBy(z => z.DistanceMetres)];
    }
}
