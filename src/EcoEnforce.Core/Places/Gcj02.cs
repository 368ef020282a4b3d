namespace EcoEnforce.Places;

/// <summary>WGS-84 ↔ GCJ-02 (the "Mars" coordinates Chinese web maps and intranet tile servers are drawn in). EcoEnforce
/// stores WGS-84 everywhere; coordinates are shifted only on the way to a map whose tiles are GCJ-02, by the published
/// obfuscation formula (Krasovsky 1940 ellipsoid). Outside China the two systems coincide.</summary>
public static class Gcj02
{
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;

    public static bool OutsideChina(double lat, double lon) => lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

    public static (double Lat, double Lon) FromWgs84(double lat, double lon)
    {
        if (OutsideChina(lat, lon)) return (lat, lon);
        var (dLat, dLon) = Delta(lat, lon);
        return (lat + dLat, lon + dLon);
    }

    /// <summary>The inverse, by fixed-point iteration (the forward shift has no closed-form inverse); better than 1e-9°.</summary>
    public static (double Lat, double Lon) ToWgs84(double lat, double lon)
    {
        if (OutsideChina(lat, lon)) return (lat, lon);
        var (wLat, wLon) = (lat, lon);
        for (var i = 0; i < 30; i++)
        {
            var (gLat, gLon) = FromWgs84(wLat, wLon);
            var (eLat, eLon) = (gLat - lat, gLon - lon);
            (wLat, wLon) = (wLat - eLat, wLon - eLon);
            if (Math.Abs(eLat) < 1e-12 && Math.Abs(eLon) < 1e-12) break;
        }
        return (wLat, wLon);
    }

    private static (double DLat, double DLon) Delta(double lat, double lon)
    {
        var x = lon - 105.0;
        var y = lat - 35.0;
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
            + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
            + (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0
            + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
            + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        var radLat = lat / 180.0 * Math.PI;
        var magic = 1 - Ee * Math.Sin(radLat) * Math.Sin(radLat);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLat, dLon);
    }
}
