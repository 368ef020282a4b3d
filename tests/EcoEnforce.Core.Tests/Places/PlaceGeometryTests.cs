using EcoEnforce.Places;

namespace EcoEnforce.Core.Tests.Places;

public sealed class PlaceGeometryTests
{
    [Fact]
    public void Distance_between_points_matches_the_haversine_formula()
    {
        // One minute of latitude is 1852 m by definition of the nautical mile (to within the Earth model).
        var d = PlaceGeometry.DistanceMetres(PlaceGeometry.Parse("POINT (107.39 29.70)"), 29.70 + 1.0 / 60, 107.39);
        Assert.InRange(d, 1840, 1860);
    }

    [Fact]
    public void Distance_to_a_line_is_to_its_nearest_segment()
    {
        var line = PlaceGeometry.Parse("LINESTRING (107.30 29.70, 107.40 29.70)");
        var d = PlaceGeometry.DistanceMetres(line, 29.709, 107.35);
        Assert.InRange(d, 990, 1010); // 0.009° of latitude ≈ 1000 m
    }

    [Fact]
    public void A_point_inside_a_polygon_is_at_distance_zero()
    {
        var polygon = PlaceGeometry.Parse("POLYGON ((107.3 29.6, 107.4 29.6, 107.4 29.7, 107.3 29.7, 107.3 29.6))");
        Assert.Equal(0, PlaceGeometry.DistanceMetres(polygon, 29.65, 107.35));
    }
}
