using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace EcoEnforce.Places;

/// <summary>The map's overlays as GeoJSON feature collections: entities by class with their open problems, air
/// stations and exam venues with their zone radius, rivers with their 1 km belt, drinking-water areas. Coordinates are
/// WGS-84, or shifted to GCJ-02 for tile servers drawn in it; a zone radius is metres on the ground either way.</summary>
public sealed class MapLayers(EcoEnforceDb db, TimeProvider clock, Complaints.ComplaintQueries complaints, Complaints.ComplaintOptions options)
{
    public sealed record Feature(object Geometry, IReadOnlyDictionary<string, object?> Properties)
    {
        public string Type => "Feature";
    }

    public sealed record Collection(IReadOnlyList<Feature> Features)
    {
        public string Type => "FeatureCollection";
    }

    /// <param name="hotSpotYear">The year whose complaint hot spots are drawn (Beijing time); null = the year of the
    /// latest complaint.</param>
    /// <param name="risk">The risk model's score per entity, when one is trained.</param>
    public async Task<Dictionary<string, Collection>> BuildAsync(bool gcj02, int? hotSpotYear, IReadOnlyDictionary<int, (double Risk, int Rank)>? risk, CancellationToken ct)
    {
        Func<double, double, (double Lat, double Lon)> shift = gcj02 ? Gcj02.FromWgs84 : (lat, lon) => (lat, lon);
        var today = ChinaTime.Today(clock);
        var problems = await db.Problems.AsNoTracking().Where(p => p.Status != Problems.ProblemStatus.Closed)
            .GroupBy(p => p.EnterpriseId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var entities = await db.Enterprises.AsNoTracking()
            .Select(e => new
            {
                e.Id, e.Name, e.Latitude, e.Longitude, e.SupervisionClass, e.IsChemical, e.IsConstructionSite, e.IsEnvironmentalRisk,
                Positive = e.PositiveListEntries.Any(p => p.From <= today && p.To >= today),
            })
            .ToListAsync(ct);
        var places = await db.Places.AsNoTracking().Include(p => p.ActivePeriods).OrderBy(p => p.Id).ToListAsync(ct);

        Feature PointFeature(double lat, double lon, Dictionary<string, object?> properties) =>
            new(PointGeometry(shift(lat, lon)), properties);

        var year = hotSpotYear ?? (await db.Complaints.OrderByDescending(c => c.ReceivedAtUtc).Select(c => (DateTime?)c.ReceivedAtUtc).FirstOrDefaultAsync(ct)
            is { } last ? ChinaTime.ToChina(last).Year : today.Year);
        var yearStart = ChinaTime.StartOfDayUtc(new DateOnly(Math.Clamp(year, 2000, 2100), 1, 1));
        var hotSpots = await complaints.HotSpotsAsync(yearStart, ChinaTime.StartOfDayUtc(new DateOnly(Math.Clamp(year, 2000, 2100) + 1, 1, 1)), null, ct);

        return new Dictionary<string, Collection>
        {
            ["entities"] = new([.. entities.Select(e => PointFeature(e.Latitude, e.Longitude, new()
            {
                ["id"] = e.Id, ["name"] = e.Name, ["class"] = e.SupervisionClass.ToString(), ["classLabel"] = Labels.SupervisionClasses[e.SupervisionClass],
                ["positive"] = e.Positive, ["chemical"] = e.IsChemical, ["construction"] = e.IsConstructionSite, ["risk"] = e.IsEnvironmentalRisk,
                ["openProblems"] = problems.GetValueOrDefault(e.Id), ["url"] = $"/Registry/{e.Id}",
                ["risk"] = risk is not null && risk.TryGetValue(e.Id, out var r) ? Math.Round(r.Risk, 3) : null,
            }))]),
            ["stations"] = new([.. places.Where(p => p.Kind == PlaceKind.AirStation).Select(p => PointFeature(p.Latitude, p.Longitude, new()
            {
                ["id"] = p.Id, ["name"] = p.Name, ["level"] = Labels.StationLevels[p.Level], ["radius"] = ZoneDefaults.Metres(p.Kind),
            }))]),
            ["exams"] = new([.. places.Where(p => p.Kind == PlaceKind.ExamVenue).Select(p => PointFeature(p.Latitude, p.Longitude, new()
            {
                ["id"] = p.Id, ["name"] = p.Name, ["radius"] = ZoneDefaults.Metres(p.Kind),
                ["periods"] = string.Join("；", p.ActivePeriods.OrderBy(a => a.Start).Select(a => $"{a.Label} {a.Start:yyyy-MM-dd}至{a.End:yyyy-MM-dd}")),
                ["active"] = p.ActivePeriods.Any(a => a.Start <= today && a.End >= today),
            }))]),
            ["rivers"] = new([.. places.Where(p => p.Kind == PlaceKind.River).SelectMany(p =>
            {
                var line = PlaceGeometry.Parse(p.GeometryWkt);
                return new[]
                {
                    new Feature(GeometryOf(PlaceGeometry.Buffer(line, ZoneDefaults.Metres(p.Kind)), shift), new Dictionary<string, object?> { ["name"] = $"{p.Name} 沿江1公里", ["part"] = "belt" }),
                    new Feature(GeometryOf(line, shift), new Dictionary<string, object?> { ["name"] = p.Name, ["part"] = "line" }),
                };
            })]),
            ["hotspots"] = new([.. hotSpots.Select(h => PointFeature(h.Latitude, h.Longitude, new()
            {
                ["rank"] = h.Rank, ["radius"] = options.HotSpotEpsMetres, ["events"] = h.Events, ["calls"] = h.Calls,
                ["summary"] = $"{year}年：{h.Events} 起投诉（来电 {h.Calls} 次），夜间占 {h.NightShare:P0}，{ChinaTime.Format(h.FirstUtc)} 至 {ChinaTime.Format(h.LastUtc)}",
                ["url"] = $"/Complaints/HotSpots?Year={year}",
            }))]),
            ["water"] = new([.. places.Where(p => p.Kind == PlaceKind.DrinkingWaterSource)
                .Select(p => new Feature(GeometryOf(PlaceGeometry.Parse(p.GeometryWkt), shift), new Dictionary<string, object?> { ["name"] = p.Name }))]),
        };
    }

    private static object PointGeometry((double Lat, double Lon) at) => new { type = "Point", coordinates = new[] { Round(at.Lon), Round(at.Lat) } };

    /// <summary>A NetTopologySuite geometry (x = longitude) as a GeoJSON geometry object.</summary>
    public static object GeometryOf(Geometry g, Func<double, double, (double Lat, double Lon)> shift)
    {
        double[] Position(Coordinate c) => shift(c.Y, c.X) is var s ? [Round(s.Lon), Round(s.Lat)] : [];
        double[][] Ring(LineString l) => [.. l.Coordinates.Select(Position)];
        double[][][] Rings(Polygon p) => [Ring(p.ExteriorRing), .. p.InteriorRings.Select(Ring)];
        return g switch
        {
            Point p => new { type = "Point", coordinates = Position(p.Coordinate) },
            LineString l => new { type = "LineString", coordinates = Ring(l) },
            Polygon p => new { type = "Polygon", coordinates = Rings(p) },
            MultiLineString m => new { type = "MultiLineString", coordinates = m.Geometries.Cast<LineString>().Select(Ring).ToArray() },
            MultiPolygon m => new { type = "MultiPolygon", coordinates = m.Geometries.Cast<Polygon>().Select(Rings).ToArray() },
            _ => throw new NotSupportedException($"Geometry {g.GeometryType} is not drawn on the map."),
        };
    }

    /// <summary>Six decimals: about 0.1 m, far below any map's resolution, and a third of the bytes.</summary>
    private static double Round(double degrees) => Math.Round(degrees, 6);
}
