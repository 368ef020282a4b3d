namespace EcoEnforce.Draws;

/// <summary>How strata and objects are named in messages read by staff and auditors.</summary>
internal static class DrawText
{
    /// <summary>「一般排污单位」 for a supervision class name (and its risk stratum), otherwise the stratum as written.</summary>
    public static string Stratum(string stratum) => $"「{DrawReport.ClassLabel(stratum)}」";

    public static string Object(PoolObject o) => $"「{o.Name}」（{o.Key}）";
}
