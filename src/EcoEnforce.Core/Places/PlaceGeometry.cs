using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace EcoEnforce.Places;

/// <summary>Distances between WGS-84 geometries at district scale. Both geometries are projected onto a local
/// equirectangular plane centred on the query point; over a few tens of kilometres the error is well under 0.5%.</summary>
public static class PlaceGeometry
{
    private const double EarthRadiusMetres = 6_371_008.8;
    private static readonly WKTReader Reader = new();

    public static Geometry Parse(string wkt) => Reader.Read(wkt);

    public static double DistanceMetres(Geometry wgs84, double latitude, double longitude)
    {
        var projected = Project(wgs84, latitude, longitude);
        return projected.Distance(new Point(0, 0));
    }

    private static Geometry Project(Geometry g, double originLat, double originLon)
    {
        var k = Math.PI / 180 * EarthRadiusMetres;
        var cos = Math.Cos(originLat * Math.PI / 180);
        var copy = g.Copy();
        copy.Apply(new ProjectFilter(c =>
        {
            c.X = (c.X - originLon) * k * cos;
            c.Y = (c.Y - originLat) * k;
        }));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ProjectFilter(Action<Coordinate> project) : ICoordinateFilter
    {
        public void Filter(Coordinate coord) => project(coord);
    }
}
