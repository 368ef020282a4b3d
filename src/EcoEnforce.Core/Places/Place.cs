namespace EcoEnforce.Places;

public enum PlaceKind
{
    AirStation = 0,
    DrinkingWaterSource = 1,
    ExamVenue = 2,
    River = 3,
}

public enum StationLevel
{
    None = 0,
    National = 1,
    Municipal = 2,
    District = 3,
}

/// <summary>A place that zone rules refer to: an air station (3 km), an exam venue (300 m during exams),
/// a drinking-water source area, the Yangtze and Wujiang lines (1 km for chemical enterprises).</summary>
public sealed class Place
{
    public int Id { get; set; }
    public PlaceKind Kind { get; set; }
    public required string Name { get; set; }
    public StationLevel Level { get; set; }
    /// <summary>WGS-84 geometry as WKT (x = longitude, y = latitude): POINT, LINESTRING or POLYGON.</summary>
    public required string GeometryWkt { get; set; }
    /// <summary>A representative point for lists and maps.</summary>
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public bool IsDemo { get; set; }
    public List<PlaceActivePeriod> ActivePeriods { get; set; } = [];
}

/// <summary>When a place's zone applies, e.g. the 中考 and 高考 dates of an exam venue.</summary>
public sealed class PlaceActivePeriod
{
    public int Id { get; set; }
    public int PlaceId { get; set; }
    public required string Label { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
}
