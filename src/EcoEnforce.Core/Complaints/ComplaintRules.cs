using EcoEnforce.Common;

namespace EcoEnforce.Complaints;

/// <summary>Small facts about a complaint that follow from its own fields.</summary>
public static class ComplaintRules
{
    /// <summary>22:00–06:00 China time, when construction noise needs a night-work permit (夜间作业).</summary>
    public static bool IsNight(DateTime receivedUtc)
    {
        var hour = ChinaTime.ToChina(receivedUtc).Hour;
        return hour >= 22 || hour < 6;
    }

    /// <summary>A box round Fuling district (about lon 106.9–107.8, lat 29.35–30.0) that catches coordinates that
    /// cannot be in the district: a typo, a GCJ/BD offset gone wild, or latitude and longitude swapped.</summary>
    public const double MinLatitude = 29.35, MaxLatitude = 30.0, MinLongitude = 106.9, MaxLongitude = 107.8;

    public static bool InDistrict(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;

    /// <summary>Null when the point lies in the district, otherwise the Chinese message for the row.</summary>
    public static string? CheckCoordinates(double latitude, double longitude)
    {
        if (InDistrict(latitude, longitude)) return null;
        if (InDistrict(longitude, latitude)) return $"经纬度可能填反：经度{F(longitude)}、纬度{F(latitude)}不在涪陵区范围内，对调后在区内";
        return $"坐标（经度{F(longitude)}，纬度{F(latitude)}）不在涪陵区范围内（经度{F(MinLongitude)}–{F(MaxLongitude)}，纬度{F(MinLatitude)}–{F(MaxLatitude)}）";
    }

    private static string F(double v) => v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
