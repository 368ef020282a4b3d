namespace EcoEnforce.Complaints;

/// <summary>One complaint as clustering sees it: an event (duplicates already merged into it, counted in
/// <see cref="Repeats"/>) at a place and time.</summary>
public sealed record HotSpotInput(int Id, double Latitude, double Longitude, DateTime AtUtc, bool IsNight, int? EnterpriseId, int Repeats = 0);

public sealed record HotSpot(int Rank, IReadOnlyList<int> ComplaintIds, double Latitude, double Longitude, int Events, int Calls,
    double NightShare, DateTime FirstUtc, DateTime LastUtc, IReadOnlyList<int> EnterpriseIds, double Score);

/// <summary>Hot spots are DBSCAN clusters of complaint events in space and time, ranked by
/// score = events × (1 + night share) × ½^(days since the last complaint / 90): many complaints, at night, recently.</summary>
public static class HotSpots
{
    public const double RecencyHalfLifeDays = 90;

    public static IReadOnlyList<HotSpot> Find(IReadOnlyList<HotSpotInput> events, ComplaintOptions options, DateTime asOfUtc)
    {
        var labels = Dbscan.Run([.. events.Select(e => new SpaceTimePoint(e.Latitude, e.Longitude, e.AtUtc))],
            options.HotSpotEpsMetres, options.HotSpotEpsDays, options.HotSpotMinPoints);
        var spots = events.Select((e, i) => (Event: e, Label: labels[i]))
            .Where(x => x.Label != Dbscan.Noise)
            .GroupBy(x => x.Label, x => x.Event)
            .Select(g =>
            {
                var list = g.OrderBy(e => e.AtUtc).ToList();
                var night = (double)list.Count(e => e.IsNight) / list.Count;
                var last = list[^1].AtUtc;
                var age = Math.Max(0, (asOfUtc - last).TotalDays);
                var score = list.Count * (1 + night) * Math.Pow(0.5, age / RecencyHalfLifeDays);
                var entities = list.Where(e => e.EnterpriseId is not null).GroupBy(e => e.EnterpriseId!.Value)
                    .OrderByDescending(x => x.Count()).Select(x => x.Key).ToList();
                return new HotSpot(0, [.. list.Select(e => e.Id)], list.Average(e => e.Latitude), list.Average(e => e.Longitude), list.Count,
                    list.Sum(e => 1 + e.Repeats), Math.Round(night, 3), list[0].AtUtc, last, entities, Math.Round(score, 3));
            })
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Events).ThenBy(s => s.ComplaintIds[0])
            .ToList();
        return [.. spots.Select((s, i) => s with { Rank = i + 1 })];
    }
}
