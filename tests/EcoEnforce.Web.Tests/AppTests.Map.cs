using System.Net;
using System.Text.Json;
using EcoEnforce.Places;

namespace EcoEnforce.Web.Tests;

/// <summary>地图 layers: every overlay from the database, stations with their 3 km radius, rivers with their 1 km belt;
/// GCJ-02 on request shifts coordinates by the published formula; nothing for anonymous callers.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task Map_layers_carry_the_zones_and_shift_to_gcj02_only_when_asked()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/map/layers", Ct)).StatusCode);

        var client = await SignedInAsync();
        using var wgs = JsonDocument.Parse(await client.GetStringAsync("/api/v1/map/layers", Ct));
        using var gcj = JsonDocument.Parse(await client.GetStringAsync("/api/v1/map/layers?crs=GCJ02", Ct));
        var station = wgs.RootElement.GetProperty("stations").GetProperty("features")[0];
        Assert.Equal(3000, station.GetProperty("properties").GetProperty("radius").GetDouble());
        var at = station.GetProperty("geometry").GetProperty("coordinates");
        var shifted = gcj.RootElement.GetProperty("stations").GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        var expected = Gcj02.FromWgs84(at[1].GetDouble(), at[0].GetDouble());
        Assert.Equal(expected.Lon, shifted[0].GetDouble(), 5);
        Assert.Equal(expected.Lat, shifted[1].GetDouble(), 5);

        var rivers = wgs.RootElement.GetProperty("rivers").GetProperty("features").EnumerateArray().ToList();
        Assert.Contains(rivers, r => r.GetProperty("geometry").GetProperty("type").GetString() == "Polygon"
            && r.GetProperty("properties").GetProperty("name").GetString()!.Contains("沿江1公里", StringComparison.Ordinal));
        Assert.True(wgs.RootElement.GetProperty("entities").GetProperty("features").GetArrayLength() >= 400);
        Assert.Equal(300, wgs.RootElement.GetProperty("exams").GetProperty("features")[0].GetProperty("properties").GetProperty("radius").GetDouble());

        using var baseLayer = JsonDocument.Parse(await client.GetStringAsync("/api/v1/map/base", Ct));
        Assert.Contains(baseLayer.RootElement.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("kind").GetString() == "outline");
    }
}
