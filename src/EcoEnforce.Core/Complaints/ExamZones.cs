using EcoEnforce.Common;
using EcoEnforce.Places;
using NetTopologySuite.Geometries;

namespace EcoEnforce.Complaints;

public sealed record ExamPeriod(string Label, DateOnly Start, DateOnly End);

public sealed record ExamZone(string Name, Geometry Geometry, IReadOnlyList<ExamPeriod> Periods);

/// <summary>The plan's 考点周边 rule applied to complaints: within 300 m of an exam venue on an exam day, or on the
/// evening before the first day (from 18:00 China time, when night work would keep candidates awake), is urgent.</summary>
public static class ExamZones
{
    public const int EveFromHour = 18;

    public static IReadOnlyList<ExamZone> From(IEnumerable<Place> venues) =>
        [.. venues.Where(v => v.Kind == PlaceKind.ExamVenue)
            .Select(v => new ExamZone(v.Name, PlaceGeometry.Parse(v.GeometryWkt), [.. v.ActivePeriods.Select(p => new ExamPeriod(p.Label, p.Start, p.End))]))];

    /// <summary>"涪陵第一中学考点 2022年高考" when urgent, otherwise null.</summary>
    public static string? UrgentReason(IReadOnlyList<ExamZone> zones, double latitude, double longitude, DateTime receivedUtc, double metres)
    {
        var china = ChinaTime.ToChina(receivedUtc);
        var day = DateOnly.FromDateTime(china);
        foreach (var zone in zones)
        {
            var period = zone.Periods.FirstOrDefault(p => (p.Start <= day && day <= p.End)
                || (day == p.Start.AddDays(-1) && china.Hour >= EveFromHour));
            if (period is null) continue;
            if (PlaceGeometry.DistanceMetres(zone.Geometry, latitude, longitude) <= metres) return $"{zone.Name} {period.Label}";
        }
        return null;
    }
}
