using EcoEnforce.Places;

namespace EcoEnforce.Core.Tests.Places;

/// <summary>The WGS-84 → GCJ-02 shift matches the published reference implementation and inverts cleanly.</summary>
public sealed class Gcj02Tests
{
    [Fact]
    public void The_shift_at_tiananmen_matches_the_reference_implementation()
    {
        // eviltransform's test vector: WGS-84 (39.915, 116.404) → GCJ-02 (39.91640428150164, 116.41024449916938).
        var (lat, lon) = Gcj02.FromWgs84(39.915, 116.404);
        Assert.Equal(39.91640428150164, lat, 9);
        Assert.Equal(116.41024449916938, lon, 9);
    }

    [Theory]
    [InlineData(29.7032, 107.3896)] // 涪陵 city centre
    [InlineData(29.45, 107.0)]
    [InlineData(30.0, 107.7)]
    public void In_fuling_the_shift_is_a_few_hundred_metres_and_the_inverse_returns_the_original(double lat, double lon)
    {
        var (gLat, gLon) = Gcj02.FromWgs84(lat, lon);
        var metres = PlaceGeometry.DistanceMetres(lat, lon, gLat, gLon);
        Assert.InRange(metres, 100, 800);
        var (wLat, wLon) = Gcj02.ToWgs84(gLat, gLon);
        Assert.Equal(lat, wLat, 8);
        Assert.Equal(lon, wLon, 8);
    }

    [Fact]
    public void Outside_china_nothing_moves() => Assert.Equal((51.5, -0.12), Gcj02.FromWgs84(51.5, -0.12));
}
