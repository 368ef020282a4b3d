using EcoEnforce.Data;
using EcoEnforce.Places;
using EcoEnforce.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>Zones as queries and 考点噪声管控, on both databases: membership agrees with a direct distance computation,
/// the exam list holds only what lies within 300 m, the rota covers every night, and both export as workbooks.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_zone_query_finds_exactly_the_entities_within_the_distance_of_the_places()
    {
        var (found, expected, borderline) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var result = await sp.GetRequiredService<ZoneQuery>().ListAsync(new ZoneCriteria(PlaceKind.River, 1000, ChemicalOnly: true), Ct);
            var rivers = (await db.Places.Where(p => p.Kind == PlaceKind.River).Select(p => p.GeometryWkt).ToListAsync(Ct)).Select(PlaceGeometry.Parse).ToList();
            var chemical = await db.Enterprises.Where(e => e.IsChemical).Select(e => new { e.Id, e.Latitude, e.Longitude }).ToListAsync(Ct);
            var distance = chemical.ToDictionary(e => e.Id, e => rivers.Min(r => PlaceGeometry.DistanceMetres(r, e.Latitude, e.Longitude)));
            return (result, distance.Where(d => d.Value <= 995).Select(d => d.Key).ToHashSet(), distance.Where(d => d.Value is > 995 and < 1005).Select(d => d.Key).ToHashSet());
        });
        var ids = found.Select(z => z.Entity.Id).ToHashSet();
        Assert.NotEmpty(ids);
        Assert.Subset(ids, expected);
        Assert.Subset(expected.Union(borderline).ToHashSet(), ids);
        Assert.All(found, z => Assert.InRange(z.DistanceMetres, 0, 1005));

        var client = await SignedInAsync();
        var page = await client.GetStringAsync("/Places/Zones?Kind=River&Metres=1000&ChemicalOnly=true", Ct);
        Assert.Contains($"<strong id=\"zone-count\">{found.Count}</strong>", page, StringComparison.Ordinal);
        var workbook = await client.GetByteArrayAsync("/Places/Zones?handler=Export&Kind=River&Metres=1000&ChemicalOnly=true", Ct);
        OfficeFiles.AssertValidXlsx(workbook);
        Assert.Contains("距离应在 0 至 50000 米之间", await client.GetStringAsync("/Places/Zones?Kind=AirStation&Metres=999999", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exam_protection_lists_noise_sources_within_300_metres_and_a_patrol_for_every_night()
    {
        var exams = await App.WithScopeAsync(sp => sp.GetRequiredService<ExamProtection>().ForYearAsync(2022, Ct));
        var gaokao = Assert.Single(exams, e => e.Label == "2022年高考");
        Assert.NotEmpty(gaokao.Venues);
        Assert.All(gaokao.Sources, s => Assert.InRange(s.Zone.DistanceMetres, 0, 302));
        // From the eve of the first exam day to the eve of the last: 7–10 June → nights of 6, 7, 8 and 9 June.
        Assert.Equal([new DateOnly(2022, 6, 6), new(2022, 6, 7), new(2022, 6, 8), new(2022, 6, 9)], gaokao.Nights.Select(n => n.Evening));
        Assert.All(gaokao.Nights, n => Assert.Equal(ExamProtection.TeamSize, n.Team.Select(o => o.Id).Distinct().Count()));
        Assert.All(gaokao.Nights.Zip(gaokao.Nights.Skip(1)), pair => Assert.Empty(pair.First.Team.Select(o => o.Id).Intersect(pair.Second.Team.Select(o => o.Id))));
        var flagged = gaokao.Sources.Where(s => s.ConstructionDuringExam).ToList();
        Assert.All(flagged, s => Assert.True(s.Zone.Entity.IsConstructionSite));
        Assert.Equal(flagged, gaokao.Sources.Take(flagged.Count)); // construction during the exam comes first

        var client = await SignedInAsync();
        var page = await client.GetStringAsync("/Places/Exams?Year=2022", Ct);
        Assert.Contains("2022年高考", page, StringComparison.Ordinal);
        Assert.Contains("2022-06-06 22:00—次日06:00", page, StringComparison.Ordinal);
        OfficeFiles.AssertValidXlsx(await client.GetByteArrayAsync($"/Places/Exams?handler=Export&Year=2022&label={Uri.EscapeDataString("2022年高考")}", Ct));
    }
}
