using EcoEnforce.Registry;

namespace EcoEnforce.Demo;

/// <summary>Approximate centres of Fuling's streets and towns and sketch lines of its two rivers, good enough to
/// place fictitious demo entities plausibly. Not survey data: real geometry is loaded by the bureau.</summary>
internal static class DemoGeography
{
    public static readonly IReadOnlyDictionary<string, (double Lat, double Lon)> Centres = new Dictionary<string, (double, double)>
    {
        ["敦仁街道"] = (29.708, 107.392), ["崇义街道"] = (29.716, 107.383), ["荔枝街道"] = (29.696, 107.372),
        ["江北街道"] = (29.738, 107.398), ["江东街道"] = (29.721, 107.432), ["李渡街道"] = (29.771, 107.268),
        ["龙桥街道"] = (29.758, 107.332), ["白涛街道"] = (29.561, 107.509), ["马鞍街道"] = (29.682, 107.352),
        ["南沱镇"] = (29.822, 107.571), ["青羊镇"] = (29.583, 107.222), ["百胜镇"] = (29.523, 107.401),
        ["珍溪镇"] = (29.861, 107.522), ["清溪镇"] = (29.781, 107.583), ["焦石镇"] = (29.601, 107.602),
        ["马武镇"] = (29.502, 107.621), ["龙潭镇"] = (29.452, 107.498), ["蔺市镇"] = (29.682, 107.151),
        ["新妙镇"] = (29.621, 107.118), ["石沱镇"] = (29.879, 107.618), ["义和镇"] = (29.661, 107.271),
        ["罗云镇"] = (29.752, 107.621), ["大顺镇"] = (29.531, 107.721), ["增福镇"] = (29.462, 107.702),
        ["同乐镇"] = (29.622, 107.452), ["武陵山镇"] = (29.402, 107.601), ["大木镇"] = (29.381, 107.622),
    };

    public static readonly IReadOnlyDictionary<IndustrialPark, string> ParkTownships = new Dictionary<IndustrialPark, string>
    {
        [IndustrialPark.Lidu] = "李渡街道",
        [IndustrialPark.Longqiao] = "龙桥街道",
        [IndustrialPark.Qingxi] = "清溪镇",
        [IndustrialPark.Baitao] = "白涛街道",
    };

    /// <summary>The Yangtze from the Changshou boundary through the city to the Fengdu boundary (x = lon, y = lat).</summary>
    public const string Yangtze =
        "LINESTRING (107.05 29.83, 107.15 29.74, 107.26 29.76, 107.33 29.745, 107.39 29.722, 107.45 29.74, 107.53 29.80, 107.60 29.86, 107.70 29.88)";

    /// <summary>The Wujiang from the Wulong boundary north to its mouth at the city.</summary>
    public const string Wujiang =
        "LINESTRING (107.56 29.36, 107.53 29.45, 107.51 29.55, 107.46 29.62, 107.42 29.68, 107.395 29.715)";
}
