using EcoEnforce.Data;
using EcoEnforce.Monitoring.Detection;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Leads;

/// <summary>Runs every detector over stored hour data, outlet by outlet, and records new leads. Re-running over the
/// same period finds the same stretches and adds nothing (leads are keyed by outlet, signature, quantity and start).</summary>
public sealed class LeadScanner(EcoEnforceDb db, TimeProvider clock)
{
    /// <summary>HJ 212-2017 codes of the companions detectors compare against.</summary>
    private static readonly IReadOnlyDictionary<string, SeriesRole> Roles = new Dictionary<string, SeriesRole>
    {
        ["a00000"] = SeriesRole.Flow, ["w00000"] = SeriesRole.Flow, ["a19001"] = SeriesRole.Oxygen,
        ["a01012"] = SeriesRole.Temperature, ["a01013"] = SeriesRole.Pressure, ["a01014"] = SeriesRole.Other,
    };

    public sealed record Progress(int Done, int Total, string Point, int NewLeads);

    /// <summary>Scans [fromUtc, toUtc) of every outlet (or one); returns the number of new leads.</summary>
    public async Task<int> ScanAsync(DateTime fromUtc, DateTime toUtc, int? pointId, IProgress<Progress>? progress, CancellationToken ct)
    {
        var points = await db.MonitoringPoints.AsNoTracking().Include(p => p.Limits)
            .Where(p => pointId == null || p.Id == pointId).OrderBy(p => p.Id).ToListAsync(ct);
        var total = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var set = await HourSeriesAsync(point, fromUtc, toUtc, ct);
            var added = set is null ? 0 : await RecordAsync(point, Detectors.Run(set), ct);
            total += added;
            progress?.Report(new Progress(i + 1, points.Count, point.Name, added));
        }
        return total;
    }

    /// <summary>The outlet's hour data as one series per pollutant on a common hourly grid (gaps as NaN).</summary>
    public async Task<SeriesSet?> HourSeriesAsync(MonitoringPoint point, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var start = new DateTime(fromUtc.Year, fromUtc.Month, fromUtc.Day, fromUtc.Hour, 0, 0, DateTimeKind.Utc);
        var hours = (int)Math.Ceiling((toUtc - start).TotalHours);
        if (hours <= 0) return null;
        var rows = await db.Readings.AsNoTracking()
            .Where(r => r.Mn == point.Mn && r.Kind == ReadingKind.Hour && r.DataTimeUtc >= start && r.DataTimeUtc < toUtc)
            .Select(r => new { r.PollutantCode, r.DataTimeUtc, r.Value, r.Flag })
            .ToListAsync(ct);
        if (rows.Count == 0) return null;
        var series = rows.GroupBy(r => r.PollutantCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var values = new double[hours];
            var flags = new string?[hours];
            Array.Fill(values, double.NaN);
            foreach (var r in g)
            {
                var index = (int)((r.DataTimeUtc - start).Ticks / TimeSpan.TicksPerHour);
                if (index < 0 || index >= hours) continue;
                values[index] = r.Value ?? double.NaN;
                flags[index] = r.Flag;
            }
            return new Series(g.Key, start, TimeSpan.FromHours(1), values)
            {
                Role = Roles.GetValueOrDefault(g.Key, SeriesRole.Concentration), Flags = flags,
                Limit = point.Limits.FirstOrDefault(l => l.PollutantCode == g.Key)?.Limit,
            };
        }).ToList();
        return new SeriesSet(series);
    }

    private async Task<int> RecordAsync(MonitoringPoint point, IReadOnlyList<Detection.Detection> detections, CancellationToken ct)
    {
        if (detections.Count == 0) return 0;
        var from = detections.Min(d => d.From);
        var known = (await db.Leads.Where(l => l.MonitoringPointId == point.Id && l.FromUtc >= from)
            .Select(l => new { l.Signature, l.PollutantCode, l.FromUtc }).ToListAsync(ct))
            .Select(l => (l.Signature, l.PollutantCode, l.FromUtc)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var d in detections)
        {
            if (!known.Add((d.Signature, d.Column, d.From))) continue;
            db.Leads.Add(new Lead
            {
                MonitoringPointId = point.Id, EnterpriseId = point.EnterpriseId, Signature = d.Signature, PollutantCode = d.Column,
                Kind = ReadingKind.Hour, FromUtc = d.From, ToUtc = d.To, Score = Math.Clamp(d.Score, 0, 1),
                Explanation = d.Explanation.Length > 1000 ? d.Explanation[..1000] : d.Explanation, DetectedAtUtc = now,
            });
            added++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node scanned the same outlet at the same time and recorded these leads first.
            db.ChangeTracker.Clear();
            return 0;
        }
        return added;
    }
}
