using EcoEnforce.Complaints;
using EcoEnforce.Demo;
using EcoEnforce.Organisation;

namespace EcoEnforce.Core.Tests.Demo;

public sealed class DemoComplaintsTests
{
    private static readonly List<Department> Departments = [.. EcoEnforce.Organisation.Departments.All().Select((d, i) => { d.Id = i + 1; return d; })];

    [Fact]
    public void Demo_complaints_are_labelled_deterministic_in_2022_and_inside_the_district()
    {
        var demo = DemoData.Generate(Departments);
        var a = DemoComplaints.Generate(demo.Enterprises, demo.Places);
        var b = DemoComplaints.Generate(demo.Enterprises, demo.Places);
        Assert.Equal(a.Select(c => (c.ExternalNumber, c.ReceivedAtUtc, c.Text, c.Latitude)), b.Select(c => (c.ExternalNumber, c.ReceivedAtUtc, c.Text, c.Latitude)));
        Assert.All(a, c =>
        {
            Assert.True(c.IsDemo);
            Assert.EndsWith(DemoData.Suffix, c.Text, StringComparison.Ordinal);
            Assert.Equal(2022, EcoEnforce.Common.ChinaTime.ToChina(c.ReceivedAtUtc).Year);
            if (c.Latitude is { } lat) Assert.Null(ComplaintRules.CheckCoordinates(lat, c.Longitude!.Value));
        });
        Assert.Contains(a, c => ComplaintRules.IsNight(c.ReceivedAtUtc));
        Assert.Contains(a, c => c.Latitude is null);
    }

    [Fact]
    public void The_planted_hot_spots_are_found_by_clustering()
    {
        var demo = DemoData.Generate(Departments);
        var complaints = DemoComplaints.Generate(demo.Enterprises, demo.Places);
        var events = complaints.Where(c => c.Latitude is not null)
            .Select((c, i) => new HotSpotInput(i, c.Latitude!.Value, c.Longitude!.Value, c.ReceivedAtUtc, ComplaintRules.IsNight(c.ReceivedAtUtc), null)).ToList();
        var spots = HotSpots.Find(events, new ComplaintOptions(), new DateTime(2022, 12, 31, 0, 0, 0, DateTimeKind.Utc));
        Assert.True(spots.Count >= 3, $"{spots.Count} hot spots");
    }
}
