using EcoEnforce.Data;
using EcoEnforce.Monitoring.Detection;
using EcoEnforce.Monitoring.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Monitoring.Leads;

/// <summary>Runs every detector over an outlet's stored hour data and its minute data, checks the reported hour
/// Avg/Min/Max/Cou against the minutes they summarise, and records new leads. Re-running over the same period finds
/// the same stretches and adds nothing (leads are keyed by outlet, signature, quantity and start).</summary>
public sealed class LeadScanner(EcoEnforceDb db, IServiceScopeFactory scopes, TimeProvider clock, Common.EcoEnforceMetrics metrics)
{
    /// <summary>HJ 212-2017 codes of the companions detectors compare against.</summary>
    private static readonly IReadOnlyDictionary<string, SeriesRole> Roles = new Dictionary<string, SeriesRole>
    {
        ["a00000"] = SeriesRole.Flow, ["w00000"] = SeriesRole.Flow, ["a19001"] = SeriesRole.Oxygen,
        ["a01012"] = SeriesRole.Temperature, ["a01013"] = SeriesRole.Pressure, ["a01014"] = SeriesRole.Other,
    };

    public sealed record Progress(int Done, int Total, string Point, int NewLeads);

    /// <summary>Scans [fromUtc, toUtc) of every outlet (or one); returns the number of new leads. Outlets are read and
    /// run through the detectors in parallel, each on its own connection; leads are recorded one outlet at a time.</summary>
    public async Task<int> ScanAsync(DateTime fromUtc, DateTime toUtc, int? pointId, IProgress<Progress>? progress, CancellationToken ct)
    {
        var points = await db.MonitoringPoints.AsNoTracking().Include(p => p.Limits)
            .Where(p => pointId == null || p.Id == pointId).OrderBy(p => p.Id).ToListAsync(ct);
        var floors = await LeadFeedback.FloorsAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        var (total, done) = (0, 0);
        using var recording = new SemaphoreSlim(1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(points, options, async (point, token) =>
        {
            var added = 0;
            foreach (var (from, to) in Windows(fromUtc, toUtc))
            {
                var (hour, minute) = await DetectAsync(point, from, to, token);
                await recording.WaitAsync(token);
                try
                {
                    // Where officers found this signature wrong before, only stronger evidence makes a lead.
                    bool Convincing(Detection.Detection d) => d.Score >= floors.GetValueOrDefault((point.Id, d.Signature));
                    added += await RecordAsync(point, ReadingKind.Hour, [.. hour.Where(Convincing)], token)
                        + await RecordAsync(point, ReadingKind.Minute, [.. minute.Where(Convincing)], token);
                }
                finally
                {
                    recording.Release();
                }
            }
            Interlocked.Add(ref total, added);
            progress?.Report(new Progress(Interlocked.Increment(ref done), points.Count, point.Name, added));
        });
        metrics.LeadsFound(total);
        return total;
    }

    /// <summary>The longest stretch scanned at once: the nightly batch's month. Longer periods (a re-scan of history) go
    /// in windows of this length overlapping by a day, so a finding across a boundary is seen whole in one window and
    /// dropped as a duplicate in the next; the series of one window stay small enough for the processor's caches.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(31);

    private static IEnumerable<(DateTime From, DateTime To)> Windows(DateTime fromUtc, DateTime toUtc)
    {
        for (var from = fromUtc; ; from += Window - TimeSpan.FromDays(1))
        {
            var to = from + Window < toUtc ? from + Window : toUtc;
            yield return (from, to);
            if (to >= toUtc) yield break;
        }
    }

    private static readonly AggregateMismatchDetector Aggregates = new();

    /// <summary>Every detector over the outlet's hour and minute data, and the hour aggregates against the minutes.</summary>
    private async Task<(List<Detection.Detection> Hour, List<Detection.Detection> Minute)> DetectAsync(
        MonitoringPoint point, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var hour = await SeriesAsync(reader, point, ReadingKind.Hour, fromUtc, toUtc, ct);
        var minute = await SeriesAsync(reader, point, ReadingKind.Minute, fromUtc, toUtc, ct);
        var hourFound = hour is null ? [] : Detectors.Run(hour).ToList();
        if (hour is not null && minute is not null) hourFound.AddRange(Aggregates.Detect(Paired(hour, minute)));
        List<Detection.Detection> minuteFound = minute is null ? [] : [.. Detectors.Run(minute)];
        hourFound.AddRange(await ThreeWayAsync(reader, point, ReadingKind.Hour, hour, ct));
        minuteFound.AddRange(await ThreeWayAsync(reader, point, ReadingKind.Minute, minute, ct));
        return (hourFound, minuteFound);
    }

    private static readonly ThreeWayMismatchDetector ThreeWay = new();

    /// <summary>The instrument's series against the analyzer readings and platform exports stored for the same outlet and
    /// times (named <c>code@analyzer</c>, <c>code@platform</c> as the detector expects).</summary>
    private static async Task<IEnumerable<Detection.Detection>> ThreeWayAsync(EcoEnforceDb db, MonitoringPoint point, ReadingKind kind, SeriesSet? set, CancellationToken ct)
    {
        if (set is null || set.All.Count == 0) return [];
        var (start, step, count) = (set.All[0].Start, set.All[0].Interval, set.All[0].Count);
        var end = start + step * count;
        var others = await db.ComparisonReadings.AsNoTracking()
            .Where(r => r.MonitoringPointId == point.Id && r.Kind == kind && r.DataTimeUtc >= start && r.DataTimeUtc < end)
            .ToListAsync(ct);
        if (others.Count == 0) return [];
        var instrument = set.All.ToDictionary(s => s.Name);
        var compared = others.Where(r => instrument.ContainsKey(r.PollutantCode)).GroupBy(r => (r.PollutantCode, r.Source)).Select(g =>
        {
            var values = ReadingChunkCodec.Nans(count);
            foreach (var r in g) values[(int)((r.DataTimeUtc - start).Ticks / step.Ticks)] = r.Value;
            return new Series($"{g.Key.PollutantCode}{ThreeWayMismatchDetector.SourceSeparator}{g.Key.Source.ToString().ToLowerInvariant()}", start, step, values);
        }).ToList();
        var codes = compared.Select(c => ThreeWayMismatchDetector.BaseName(c.Name)).ToHashSet();
        return ThreeWay.Detect(new SeriesSet([.. codes.Select(c => instrument[c]), .. compared]));
    }

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
    /// reported Min, Max and Cou, from chunks and rows alike.</summary>
    private static async Task<SeriesSet?> SeriesAsync(EcoEnforceDb db, MonitoringPoint point, ReadingKind kind, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var step = kind == ReadingKind.Minute ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(1);
        var start = new DateTime(fromUtc.Ticks - fromUtc.Ticks % step.Ticks, DateTimeKind.Utc);
        var count = (int)Math.Ceiling((toUtc - start) / step);
        if (count <= 0) return null;
        var grid = await StoredReadings.GridAsync(db, point.Mn, kind, start, count, ct);
        if (grid.Count == 0) return null;
        return new SeriesSet([.. grid.Select(g => new Series(g.Key, start, step, g.Value.Values)
        {
            Role = Roles.GetValueOrDefault(g.Key, SeriesRole.Concentration), Flags = g.Value.Flags,
            Limit = point.Limits.FirstOrDefault(l => l.PollutantCode == g.Key)?.Limit,
            Min = g.Value.Min, Max = g.Value.Max, Cou = g.Value.Cou,
        })]);
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
