using EcoEnforce.Complaints;

namespace EcoEnforce.Core.Tests.Complaints;

/// <summary>DBSCAN and ranking on synthetic complaints with hot spots planted at known places and times.</summary>
public sealed class HotSpotClusteringTests
{
    private static readonly DateTime Start = new(2022, 5, 1, 0, 0, 0, DateTimeKind.Utc);
    private const double MetresPerDegree = 111_195;

    /// <summary>n complaints scattered within radiusMetres and spreadDays round a centre.</summary>
    private static IEnumerable<SpaceTimePoint> Burst(Random random, double lat, double lon, DateTime at, int n, double radiusMetres, double spreadDays)
    {
        for (var i = 0; i < n; i++)
        {
            var angle = random.NextDouble() * 2 * Math.PI;
            var r = random.NextDouble() * radiusMetres;
            yield return new SpaceTimePoint(
                lat + r * Math.Sin(angle) / MetresPerDegree,
                lon + r * Math.Cos(angle) / (MetresPerDegree * Math.Cos(lat * Math.PI / 180)),
                at.AddDays(random.NextDouble() * spreadDays));
        }
    }

    [Fact]
    public void Three_planted_hot_spots_are_found_and_scattered_complaints_are_noise()
    {
        var random = new Random(9);
        var a = Burst(random, 29.716, 107.383, Start, 12, 120, 4).ToList();
        var b = Burst(random, 29.770, 107.267, Start.AddDays(30), 8, 120, 3).ToList();
        var c = Burst(random, 29.561, 107.509, Start.AddDays(60), 5, 80, 2).ToList();
        // Noise: one complaint every 9 days somewhere on a 30 km line, never two close in space and time.
        var noise = Enumerable.Range(0, 20).Select(i => new SpaceTimePoint(29.45 + i * 0.012, 107.10 + i * 0.015, Start.AddDays(i * 9))).ToList();
        var points = a.Concat(b).Concat(c).Concat(noise).ToList();

        var labels = Dbscan.Run(points, 300, 7, 3);

        Assert.Equal(3, labels.Where(l => l != Dbscan.Noise).Distinct().Count());
        Assert.Single(labels.Take(12).Distinct());
        Assert.Single(labels.Skip(12).Take(8).Distinct());
        Assert.Single(labels.Skip(20).Take(5).Distinct());
        Assert.All(labels.Skip(25), l => Assert.Equal(Dbscan.Noise, l));
        Assert.Equal(3, new[] { labels[0], labels[12], labels[20] }.Distinct().Count());
    }

    [Fact]
    public void The_same_place_months_apart_is_two_hot_spots_not_one()
    {
        var random = new Random(4);
        var spring = Burst(random, 29.716, 107.383, Start, 5, 100, 2);
        var autumn = Burst(random, 29.716, 107.383, Start.AddDays(150), 5, 100, 2);
        var labels = Dbscan.Run([.. spring, .. autumn], 300, 7, 3);
        Assert.NotEqual(labels[0], labels[5]);
        Assert.DoesNotContain(Dbscan.Noise, labels);
    }

    [Fact]
    public void Two_complaints_are_not_a_hot_spot_with_min_points_three()
    {
        var labels = Dbscan.Run([new(29.7, 107.38, Start), new(29.7, 107.38, Start.AddHours(1))], 300, 7, 3);
        Assert.All(labels, l => Assert.Equal(Dbscan.Noise, l));
    }

    [Fact]
    public void Neighbourhood_combines_metres_and_days()
    {
        // 250 m apart and 5 days apart: (250/300)² + (5/7)² > 1, so not neighbours though each alone would be.
        var p = new SpaceTimePoint(29.7, 107.38, Start);
        var q = new SpaceTimePoint(29.7 + 250 / MetresPerDegree, 107.38, Start.AddDays(5));
        var labels = Dbscan.Run([p, q], 300, 7, 2);
        Assert.All(labels, l => Assert.Equal(Dbscan.Noise, l));
        var closer = Dbscan.Run([p, q with { AtUtc = Start.AddDays(1) }], 300, 7, 2);
        Assert.All(closer, l => Assert.Equal(0, l));
    }

    [Fact]
    public void Hot_spots_rank_by_count_night_share_and_recency()
    {
        var asOf = Start.AddDays(100);
        var inputs = new List<HotSpotInput>();
        var id = 0;
        // Day-time, four complaints, recent.
        for (var i = 0; i < 4; i++) inputs.Add(new(++id, 29.716, 107.383, asOf.AddDays(-2).AddHours(i), false, 10));
        // Night-time, four complaints, recent: ranks above the day-time one.
        for (var i = 0; i < 4; i++) inputs.Add(new(++id, 29.770, 107.267, asOf.AddDays(-3).AddHours(i), true, 20, Repeats: 1));
        // Five day-time complaints, but a year-old hot spot decays below both.
        for (var i = 0; i < 5; i++) inputs.Add(new(++id, 29.561, 107.509, asOf.AddDays(-360).AddHours(i), false, 30));

        var spots = HotSpots.Find(inputs, new ComplaintOptions(), asOf);

        Assert.Equal(3, spots.Count);
        Assert.Equal([20, 10, 30], spots.Select(s => s.EnterpriseIds.Single()));
        Assert.Equal([1, 2, 3], spots.Select(s => s.Rank));
        Assert.Equal(1.0, spots[0].NightShare);
        Assert.Equal(4, spots[0].Events);
        Assert.Equal(8, spots[0].Calls); // each event had one merged repeat: counted as calls, not as events
        Assert.InRange(spots[1].Latitude, 29.7159, 29.7161);
    }
}
