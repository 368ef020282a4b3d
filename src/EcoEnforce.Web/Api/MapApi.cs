using EcoEnforce.Places;

namespace EcoEnforce.Web.Api;

public static class MapApi
{
    public static void MapMapApi(this RouteGroupBuilder v1)
    {
        var map = v1.MapGroup("/map").WithTags("地图").RequireAuthorization(Infrastructure.Policies.Staff);
        map.MapGet("/layers", async (MapLayers layers, Infrastructure.RiskModelCache risk, IConfiguration config, CancellationToken ct, string? crs = null, int? year = null) =>
            TypedResults.Ok(await layers.BuildAsync(IsGcj02(crs ?? config["Map:TileCrs"]), year, (await risk.GetAsync(retrain: false, ct)).Scores, ct)))
            .WithSummary("地图图层（GeoJSON）：检查对象、空气站、考点、江河及沿江1公里、饮用水水源保护区、投诉热点（year 年，默认最近一年）；crs=GCJ02 时坐标转换为火星坐标");
        map.MapGet("/base", (IWebHostEnvironment env, IConfiguration config, string? crs = null) =>
            TypedResults.Text(BaseLayer(env, IsGcj02(crs ?? config["Map:TileCrs"])), "application/geo+json"))
            .WithSummary("随系统提供的示意底图（区界、江河、主要道路、镇街名）；crs=GCJ02 时坐标转换为火星坐标");
    }

    /// <summary>The vector base layer shipped in wwwroot, shifted like the overlays when the tiles are GCJ-02.</summary>
    private static string BaseLayer(IWebHostEnvironment env, bool gcj02)
    {
        using var stream = env.WebRootFileProvider.GetFileInfo("geo/fuling-base.json").CreateReadStream();
        var document = System.Text.Json.Nodes.JsonNode.Parse(stream)!;
        if (gcj02)
            foreach (var feature in document["features"]!.AsArray())
                Shift(feature!["geometry"]!["coordinates"]!);
        return document.ToJsonString();
    }

    private static void Shift(System.Text.Json.Nodes.JsonNode node)
    {
        var array = node.AsArray();
        if (array.Count >= 2 && array[0] is System.Text.Json.Nodes.JsonValue)
        {
            var (lat, lon) = Gcj02.FromWgs84((double)array[1]!, (double)array[0]!);
            (array[0], array[1]) = (Math.Round(lon, 6), Math.Round(lat, 6));
            return;
        }
        foreach (var child in array) Shift(child!);
    }

    public static bool IsGcj02(string? crs) => string.Equals(crs, "GCJ02", StringComparison.OrdinalIgnoreCase);
}
