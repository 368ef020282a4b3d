using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring;

/// <summary>Read models for the monitoring pages and API.</summary>
public static class MonitoringQueries
{
    /// <summary>A logger counts as online when it has sent anything within this window (loggers send every minute).</summary>
    public static readonly TimeSpan OnlineWindow = TimeSpan.FromMinutes(5);

    public sealed record LatestValue(string PollutantCode, double? Value, string? Flag, double? Limit);

    public sealed record PointSummary(
        MonitoringPoint Point, DateTime? LastPacketUtc, DateTime? LastDataTimeUtc, IReadOnlyList<LatestValue> Latest, bool Online,
        double? CompletenessToday);

    public static async Task<List<PointSummary>> SummariesAsync(EcoEnforceDb db, DateTime nowUtc, int? enterpriseId, CancellationToken ct)
    {
        var query = db.MonitoringPoints.AsNoTracking().Include(p => p.Enterprise).Include(p => p.Limits).AsQueryable();
        if (enterpriseId is { } id) query = query.Where(p => p.EnterpriseId == id);
        var points = await query.OrderBy(p => p.Enterprise!.Name).ThenBy(p => p.Mn).ToListAsync(ct);
        var result = new List<PointSummary>(points.Count);
        foreach (var point in points)
            result.Add(await SummaryAsync(db, point, nowUtc, ct));
        return result;
    }

    public static async Task<PointSummary> SummaryAsync(EcoEnforceDb db, MonitoringPoint point, DateTime nowUtc, CancellationToken ct)
    {
        var lastPacket = await db.RawPackets.Where(r => r.Mn == point.Mn).MaxAsync(r => (DateTime?)r.ReceivedAtUtc, ct);
        var latestMinute = await Archive.StoredReadings.LatestAsync(db, point.Mn, ReadingKind.Minute, ct);
        var lastTime = latestMinute?.Time;
        var latest = (latestMinute?.Readings ?? []).Select(r => new LatestValue(
            r.PollutantCode, r.Value, r.Flag, point.Limits.FirstOrDefault(l => l.PollutantCode == r.PollutantCode)?.Limit)).ToList();
        var online = lastPacket is { } seen && nowUtc - seen <= OnlineWindow;
        return new PointSummary(point, lastPacket, lastTime, latest, online, await CompletenessAsync(db, point, nowUtc, ct));
    }

    /// <summary>Minute readings of the outlet's first limited pollutant received today (Beijing time), over the minutes
    /// elapsed so far today. Null when the outlet has no limited pollutant.</summary>
    public static async Task<double?> CompletenessAsync(EcoEnforceDb db, MonitoringPoint point, DateTime nowUtc, CancellationToken ct)
    {
        if (point.Limits.Count == 0) return null;
        var code = point.Limits.OrderBy(l => l.Id).First().PollutantCode;
        var chinaMidnight = Common.ChinaTime.ToChina(nowUtc).Date;
        var dayStartUtc = DateTime.SpecifyKind(chinaMidnight - Common.ChinaTime.Offset, DateTimeKind.Utc);
        var expected = Math.Max(1, (int)(nowUtc - dayStartUtc).TotalMinutes);
        var received = await Archive.StoredReadings.CountAsync(db, point.Mn, ReadingKind.Minute, code, dayStartUtc, nowUtc, ct);
        return Math.Min(1.0, (double)received / expected);
    }

    public static Task<List<Reading>> ReadingsAsync(EcoEnforceDb db, string mn, ReadingKind kind, DateTime fromUtc, DateTime toUtc, int max, CancellationToken ct) =>
        Archive.StoredReadings.ListAsync(db, mn, kind, fromUtc, toUtc, max, ct);
}
