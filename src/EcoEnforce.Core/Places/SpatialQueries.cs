using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Places;

/// <summary>"Which registry entities lie within N metres of these places?" — the question behind the 3 km air-station,
/// 300 m exam-venue and 1 km Yangtze rules. PostgreSQL answers with PostGIS; SQLite in memory with NetTopologySuite.</summary>
public interface ISpatialQueries
{
    Task<IReadOnlySet<int>> EnterprisesWithinAsync(IReadOnlyCollection<int> placeIds, double metres, CancellationToken ct);
}

/// <summary>District scale (hundreds of places, thousands of entities) is small enough to compute directly.</summary>
public sealed class InMemorySpatialQueries(EcoEnforceDb db) : ISpatialQueries
{
    public async Task<IReadOnlySet<int>> EnterprisesWithinAsync(IReadOnlyCollection<int> placeIds, double metres, CancellationToken ct)
    {
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).Select(p => p.GeometryWkt).ToListAsync(ct);
        var geometries = places.Select(PlaceGeometry.Parse).ToList();
        var entities = await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.Latitude, e.Longitude }).ToListAsync(ct);
        return entities
            .Where(e => geometries.Any(g => PlaceGeometry.DistanceMetres(g, e.Latitude, e.Longitude) <= metres))
            .Select(e => e.Id)
            .ToHashSet();
    }
}

/// <summary>Uses the geography columns the PostgreSQL migrations derive from the coordinates and WKT, with their
/// GiST indexes; distances are on the WGS-84 spheroid.</summary>
public sealed class PostgisSpatialQueries(EcoEnforceDb db) : ISpatialQueries
{
    public async Task<IReadOnlySet<int>> EnterprisesWithinAsync(IReadOnlyCollection<int> placeIds, double metres, CancellationToken ct)
    {
        var ids = placeIds.ToArray();
        var result = await db.Database.SqlQuery<int>($"""
            SELECT DISTINCT e."Id" AS "Value"
            FROM "Enterprises" e
            JOIN "Places" p ON ST_DWithin(e."Geography", p."Geography", {metres})
            WHERE p."Id" = ANY({ids})
            """).ToListAsync(ct);
        return result.ToHashSet();
    }
}
