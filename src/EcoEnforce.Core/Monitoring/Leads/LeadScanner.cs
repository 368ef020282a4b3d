using EcoEnforce.Data;
using EcoEnforce.Monitoring.Detection;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Leads;

/// <summary>Runs every detector over an outlet's stored hour data and its minute data, checks the reported hour
/// Avg/Min/Max/Cou against the minutes they summarise, and records new leads. Re-running over the same period finds
/// the same stretches and adds nothing (leads are keyed by outlet, signature, quantity and start).</summary>
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
            var added = 0;
            var hour = await SeriesAsync(point, ReadingKind.Hour, fromUtc, toUtc, ct);
            var minute = await SeriesAsync(point, ReadingKind.Minute, fromUtc, toUtc, ct);
            if (hour is not null) added += await RecordAsync(point, ReadingKind.Hour, Detectors.Run(hour), ct);
            if (minute is not null) added += await RecordAsync(point, ReadingKind.Minute, Detectors.Run(minute), ct);
            if (hour is not null && minute is not null) added += await RecordAsync(point, ReadingKind.Hour, Aggregates.Detect(Paired(hour, minute)).ToList(), ct);
            total += added;
            progress?.Report(new Progress(i + 1, points.Count, point.Name, added));
        }
        return total;
    }

    private static readonly AggregateMismatchDetector Aggregates = new();

    /// <summary>Hour series marked as aggregates of the minute series of the same code (renamed so the two can coexist).</summary>
    private static SeriesSet Paired(SeriesSet hour, SeriesSet minute) => new(
    [
        .. minute.All.Select(m => new Series(m.Name + MinuteSuffix, m.Start, m.Interval, m.Values) { Role = m.Role, Flags = m.Flags, Cou = m.Cou }),
        .. hour.All.Select(h => new Series(h.Name, h.Start, h.Interval, h.Values)
        {
            Role = h.Role, Flags = h.Flags, Limit = h.Limit, AggregateOf = h.Name + MinuteSuffix, Min = h.Min, Max = h.Max, Cou = h.Cou,
        }),
    ]);

    private const string MinuteSuffix = "/分钟";

    /// <summary>The outlet's hour or minute data as one series per pollutant on a common grid (gaps as NaN), with the
    /// reported Min, Max and Cou.</summary>
    public async Task<SeriesSet?> SeriesAsync(MonitoringPoint point, ReadingKind kind, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var step = kind == ReadingKind.Minute ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(1);
        var start = new DateTime(fromUtc.Ticks - fromUtc.Ticks % step.Ticks, DateTimeKind.Utc);
        var count = (int)Math.Ceiling((toUtc - start) / step);
        if (count <= 0) return null;
        var rows = await db.Readings.AsNoTracking()
            .Where(r => r.Mn == point.Mn && r.Kind == kind && r.DataTimeUtc >= start && r.DataTimeUtc < toUtc)
            .Select(r => new { r.PollutantCode, r.DataTimeUtc, r.Value, r.Min, r.Max, r.Cou, r.Flag })
            .ToListAsync(ct);
        if (rows.Count == 0) return null;
        var series = rows.GroupBy(r => r.PollutantCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var (values, min, max, cou) = (Missing(count), Missing(count), Missing(count), Missing(count));
            var flags = new string?[count];
            foreach (var r in g)
            {
                var index = (int)((r.DataTimeUtc - start).Ticks / step.Ticks);
                if (index < 0 || index >= count) continue;
                values[index] = r.Value ?? double.NaN;
                min[index] = r.Min ?? double.NaN;
                max[index] = r.Max ?? double.NaN;
                cou[index] = r.Cou ?? double.NaN;
                flags[index] = r.Flag;
            }
            return new Series(g.Key, start, step, values)
            {
                Role = Roles.GetValueOrDefault(g.Key, SeriesRole.Concentration), Flags = flags,
                Limit = point.Limits.FirstOrDefault(l => l.PollutantCode == g.Key)?.Limit,
                Min = g.Any(r => r.Min != null) ? min : null, Max = g.Any(r => r.Max != null) ? max : null, Cou = g.Any(r => r.Cou != null) ? cou : null,
            };
        }).ToList();
        return new SeriesSet(series);
    }

    private static double[] Missing(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }

    private async Task<int> RecordAsync(MonitoringPoint point, ReadingKind kind, IReadOnlyList<Detection.Detection> detections, CancellationToken ct)
    {
        if (detections.Count == 0) return 0;
        var (from, to) = (detections.Min(d => d.From), detections.Max(d => d.To));
        // A stretch already known, from an earlier scan or from the other resolution (a frozen value shows in both the
        // minute and the hour data), is the same finding: only leads that overlap none of the same kind are new.
        var known = (await db.Leads.Where(l => l.MonitoringPointId == point.Id && l.ToUtc >= from && l.FromUtc <= to)
            .Select(l => new { l.Signature, l.PollutantCode, l.FromUtc, l.ToUtc }).ToListAsync(ct))
            .Select(l => (l.Signature, l.PollutantCode, l.FromUtc, l.ToUtc)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var d in detections)
        {
            if (known.Any(k => k.Signature == d.Signature && k.PollutantCode == d.Column && k.FromUtc <= d.To && d.From <= k.ToUtc)) continue;
            known.Add((d.Signature, d.Column, d.From, d.To));
            db.Leads.Add(new Lead
            {
                MonitoringPointId = point.Id, EnterpriseId = point.EnterpriseId, Signature = d.Signature, PollutantCode = d.Column,
                Kind = kind, FromUtc = d.From, ToUtc = d.To, Score = Math.Clamp(d.Score, 0, 1),
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
