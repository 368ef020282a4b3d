using EcoEnforce.Demo;
using EcoEnforce.Organisation;
using EcoEnforce.Places;
using EcoEnforce.Registry;

namespace EcoEnforce.Core.Tests.Demo;

public sealed class DemoDataTests
{
    private static readonly List<Department> Departments = [.. EcoEnforce.Organisation.Departments.All().Select((d, i) => { d.Id = i + 1; return d; })];

    [Fact]
    public void The_same_seed_gives_the_same_data_set()
    {
        var a = DemoData.Generate(Departments);
        var b = DemoData.Generate(Departments);
        Assert.Equal(a.Enterprises.Select(e => (e.Name, e.CreditCode, e.Latitude)), b.Enterprises.Select(e => (e.Name, e.CreditCode, e.Latitude)));
        Assert.Equal(a.Inspectors.Select(i => i.Name), b.Inspectors.Select(i => i.Name));
    }

    [Fact]
    public void It_has_the_units_the_plan_counts()
    {
        var demo = DemoData.Generate(Departments);
        Assert.Equal(52, demo.Enterprises.Count(e => e.IsAutoMonitoringKeyUnit));
        Assert.Equal(84, demo.Enterprises.Count(e => e.IsNuclearTechUser));
        Assert.InRange(demo.Enterprises.Count, 300, 600);
        Assert.InRange(demo.Inspectors.Count, 35, 45);
        Assert.Contains(demo.Places, p => p.Kind == PlaceKind.AirStation && p.Level == StationLevel.National);
        Assert.Contains(demo.Places, p => p.Kind == PlaceKind.ExamVenue && p.ActivePeriods.Count == 2);
        Assert.Equal(2, demo.Places.Count(p => p.Kind == PlaceKind.River));
    }

    [Fact]
    public void Every_demo_entity_passes_the_registry_rules_and_is_labelled()
    {
        var demo = DemoData.Generate(Departments);
        foreach (var e in demo.Enterprises)
        {
            Assert.Empty(EnterpriseRules.Validate(e));
            Assert.True(e.IsDemo);
            Assert.EndsWith(DemoData.Suffix, e.Name, StringComparison.Ordinal);
        }
        Assert.Equal(demo.Enterprises.Count, demo.Enterprises.Select(e => e.CreditCode).Distinct().Count());
        Assert.All(demo.Places, p => Assert.EndsWith(DemoData.Suffix, p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Entities_are_spread_over_every_park()
    {
        var demo = DemoData.Generate(Departments);
        foreach (var park in new[] { IndustrialPark.Lidu, IndustrialPark.Longqiao, IndustrialPark.Qingxi, IndustrialPark.Baitao })
            Assert.True(demo.Enterprises.Count(e => e.Park == park) >= 10, park.ToString());
    }
}
