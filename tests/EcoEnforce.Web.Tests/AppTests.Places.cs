using EcoEnforce.Data;
using EcoEnforce.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task Zone_queries_on_this_database_agree_with_the_in_memory_geometry()
    {
        App.SkipIfUnavailable();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var spatial = sp.GetRequiredService<ISpatialQueries>();
            var reference = new InMemorySpatialQueries(db);
            var places = await db.Places.AsNoTracking().ToListAsync(Ct);
            var entities = await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.Latitude, e.Longitude }).ToListAsync(Ct);
            foreach (var place in places.Where(p => p.Kind is PlaceKind.AirStation or PlaceKind.ExamVenue or PlaceKind.River))
            {
                var metres = ZoneDefaults.Metres(place.Kind);
                var got = await spatial.EnterprisesWithinAsync([place.Id], metres, Ct);
                var expected = await reference.EnterprisesWithinAsync([place.Id], metres, Ct);
                // Spheroid (PostGIS) and sphere (in memory) differ by well under 0.5%: ignore points on the boundary.
                var geometry = PlaceGeometry.Parse(place.GeometryWkt);
                var clear = entities.Where(e => Math.Abs(PlaceGeometry.DistanceMetres(geometry, e.Latitude, e.Longitude) - metres) > metres * 0.005)
                    .Select(e => e.Id).ToHashSet();
                Assert.Equal(expected.Intersect(clear).Order(), got.Intersect(clear).Order());
            }
            var national = places.Where(p => p.Level == StationLevel.National).Select(p => p.Id).ToList();
            Assert.NotEmpty(await spatial.EnterprisesWithinAsync(national, 3000, Ct));
            return 0;
        });
    }

    [Fact]
    public async Task The_places_page_counts_who_is_inside_each_zone_and_links_to_them()
    {
        var client = await SignedInAsync();
        var html = await client.GetStringAsync("/Places", Ct);
        Assert.Contains("3公里内", html, StringComparison.Ordinal);
        Assert.Contains("1公里内化工企业", html, StringComparison.Ordinal);
        var station = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Places
            .FirstAsync(p => p.Kind == PlaceKind.AirStation && p.Level == StationLevel.National, Ct));
        var registry = await client.GetStringAsync($"/Registry?Zone={station.Id}", Ct);
        Assert.Contains($"仅显示“{station.Name}”范围内的检查对象", registry, StringComparison.Ordinal);
    }
}
