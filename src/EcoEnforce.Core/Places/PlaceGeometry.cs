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

    /// <summary>Between two points, on the same local plane (centred on the second), without building geometries.</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var dx = (lon1 - lon2) * Metres * Math.Cos(lat2 * Math.PI / 180);
        var dy = (lat1 - lat2) * Metres;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>The area within <paramref name="metres"/> of a WGS-84 geometry (a river's 1 km belt), as WGS-84.</summary>
    public static Geometry Buffer(Geometry wgs84, double metres)
    {
        var centre = wgs84.Centroid;
        var buffered = Project(wgs84, centre.Y, centre.X).Buffer(metres, 8);
        return Transform(buffered, c =>
        {
            c.Y = c.Y / Metres + centre.Y;
            c.X = c.X / (Metres * Math.Cos(centre.Y * Math.PI / 180)) + centre.X;
        });
    }

    /// <summary>Metres per degree of latitude.</summary>
    private const double Metres = Math.PI / 180 * EarthRadiusMetres;

    private static Geometry Project(Geometry g, double originLat, double originLon)
    {
        var cos = Math.Cos(originLat * Math.PI / 180);
        return Transform(g, c =>
        {
            c.X = (c.X - originLon) * Metres * cos;
            c.Y = (c.Y - originLat) * Metres;
        });
    }

    public static Geometry Transform(Geometry g, Action<Coordinate> change)
    {
        var copy = g.Copy();
        copy.Apply(new ProjectFilter(change));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ProjectFilter(Action<Coordinate> project) : ICoordinateFilter
    {
        public void Filter(Coordinate coord) => project(coord);
    }
}
