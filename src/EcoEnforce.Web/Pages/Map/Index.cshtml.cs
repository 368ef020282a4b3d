using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Map;

/// <summary>地图: the district's entities, stations and zones on a vector base layer shipped with the app (no internet);
/// an intranet tile server (e.g. 天地图) is used when <c>Map:TileUrl</c> is configured, with coordinates shifted to GCJ-02
/// when <c>Map:TileCrs</c> says its tiles are drawn in it.</summary>
[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(IConfiguration config) : PageModel
{
    /// <summary>The year of complaints whose hot spots are drawn; empty = the latest year with complaints.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public string ConfigJson { get; private set; } = "{}";

    public void OnGet()
    {
        var tileUrl = config["Map:TileUrl"];
        var gcj02 = Api.MapApi.IsGcj02(config["Map:TileCrs"]);
        ConfigJson = JsonSerializer.Serialize(new
        {
            layers = $"/api/v1/map/layers?crs={(gcj02 ? "GCJ02" : "WGS84")}{(Year is { } y ? $"&year={Math.Clamp(y, 2000, 2100)}" : "")}",
            baseLayer = $"/api/v1/map/base?crs={(gcj02 ? "GCJ02" : "WGS84")}",
            tiles = string.IsNullOrWhiteSpace(tileUrl) ? null : new { url = tileUrl, attribution = config["Map:TileAttribution"] ?? "", maxZoom = config.GetValue("Map:MaxZoom", 18) },
            gcj02,
        });
    }
}
