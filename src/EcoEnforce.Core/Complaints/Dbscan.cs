using EcoEnforce.Places;

namespace EcoEnforce.Complaints;

public readonly record struct SpaceTimePoint(double Latitude, double Longitude, DateTime AtUtc);

/// <summary>DBSCAN over space and time. Two points are neighbours when (metres/epsMetres)² + (days/epsDays)² ≤ 1, so a
/// pair 300 m apart on the same day and a pair at the same spot 7 days apart are equally close (with the defaults).
/// Points are sorted by time so only those within epsDays are compared: a district's year of complaints is cheap.</summary>
public static class Dbscan
{
    public const int Noise = -1;

    /// <summary>A cluster label per point (0, 1, …) or <see cref="Noise"/>.</summary>
    public static int[] Run(IReadOnlyList<SpaceTimePoint> points, double epsMetres, double epsDays, int minPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsMetres);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsDays);
        var n = points.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => points[i].AtUtc).ToArray();
        var rank = new int[n];
        for (var r = 0; r < n; r++) rank[order[r]] = r;

        List<int> Neighbours(int i)
        {
            var list = new List<int>();
            var p = points[i];
            for (var step = -1; step <= 1; step += 2)
            {
                for (var r = rank[i] + (step > 0 ? 0 : -1); r >= 0 && r < n; r += step)
                {
                    var q = points[order[r]];
                    var days = Math.Abs((q.AtUtc - p.AtUtc).TotalDays);
                    if (days > epsDays) break;
                    var metres = PlaceGeometry.DistanceMetres(q.Latitude, q.Longitude, p.Latitude, p.Longitude);
                    var d = metres / epsMetres * (metres / epsMetres) + days / epsDays * (days / epsDays);
                    if (d <= 1) list.Add(order[r]);
                }
            }
            return list;
        }

        var labels = Enumerable.Repeat(int.MinValue, n).ToArray(); // MinValue = not visited yet
        var cluster = 0;
        for (var i = 0; i < n; i++)
        {
            if (labels[i] != int.MinValue) continue;
            var seeds = Neighbours(i);
            if (seeds.Count < minPoints)
            {
                labels[i] = Noise;
                continue;
            }
            labels[i] = cluster;
            var queue = new Queue<int>(seeds);
            while (queue.Count > 0)
            {
                var j = queue.Dequeue();
                if (labels[j] == Noise) labels[j] = cluster; // border point
                if (labels[j] != int.MinValue) continue;
                labels[j] = cluster;
                var more = Neighbours(j);
                if (more.Count >= minPoints)
                {
                    foreach (var k in more) queue.Enqueue(k);
                }
            }
            cluster++;
        }
        return labels;
    }
}
