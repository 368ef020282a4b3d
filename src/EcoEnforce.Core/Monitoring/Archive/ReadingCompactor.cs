using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Archive;

/// <summary>Moves minute and hour rows of finished days into <see cref="ReadingChunk"/>s, one series-day per
/// transaction. The rows are taken with <c>DELETE … RETURNING</c>, so exactly the rows removed are the rows packed: a
/// packet stored meanwhile stays a row and is merged on a later pass. A day already chunked keeps its readings (the
/// first arrival wins) and gains the late ones. Rows off the minute/hour grid are put back as rows, unchanged.</summary>
public sealed class ReadingCompactor(EcoEnforceDb db)
{
    public sealed record Result(int SeriesDays, long Readings);

    /// <summary>How long a day stays as rows after it ends: devices resend (补发) missed packets for a while, and
    /// the hourly lead scan reads the last 72 hours. Later arrivals are still merged, only at some extra cost.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromHours(48);

    /// <summary>Compacts every China day that ended at or before <paramref name="cutoffUtc"/>.</summary>
    public async Task<Result> CompactAsync(DateTime cutoffUtc, CancellationToken ct)
    {
        var lastDayEnd = ReadingChunkCodec.DayStartUtc(cutoffUtc);
        var (days, readings) = (0, 0L);
        foreach (var mn in await MnsAsync(ct))
            foreach (var kind in new[] { ReadingKind.Minute, ReadingKind.Hour })
                foreach (var code in await CodesAsync(mn, kind, ct))
                {
                    var from = DateTime.MinValue;
                    while (await FirstBeforeAsync(mn, kind, code, from, lastDayEnd, ct) is { } first)
                    {
                        var day = ReadingChunkCodec.DayStartUtc(first);
                        var moved = await CompactDayAsync(mn, kind, code, day, ct);
                        if (moved > 0) (days, readings) = (days + 1, readings + moved);
                        from = day.AddDays(1);
                    }
                }
        return new Result(days, readings);
    }

    /// <summary>The MNs that have rows: registered outlets and devices not yet linked to one.</summary>
    private async Task<List<string>> MnsAsync(CancellationToken ct) =>
        (await db.MonitoringPoints.Select(p => p.Mn).ToListAsync(ct))
        .Union(await db.UnknownDevices.Select(d => d.Mn).ToListAsync(ct)).ToList();

    /// <summary>The codes present for an MN and kind, one index seek each (a DISTINCT would read every row).</summary>
    private async Task<List<string>> CodesAsync(string mn, ReadingKind kind, CancellationToken ct)
    {
        var codes = new List<string>();
        var after = "";
        while (await db.Readings.Where(r => r.Mn == mn && r.Kind == kind && string.Compare(r.PollutantCode, after) > 0)
                   .OrderBy(r => r.PollutantCode).Select(r => r.PollutantCode).FirstOrDefaultAsync(ct) is { } code)
        {
            codes.Add(code);
            after = code;
        }
        return codes;
    }

    private Task<DateTime?> FirstBeforeAsync(string mn, ReadingKind kind, string code, DateTime from, DateTime before, CancellationToken ct) =>
        db.Readings.Where(r => r.Mn == mn && r.Kind == kind && r.PollutantCode == code && r.DataTimeUtc >= from && r.DataTimeUtc < before)
            .MinAsync(r => (DateTime?)r.DataTimeUtc, ct);

    private async Task<int> CompactDayAsync(string mn, ReadingKind kind, string code, DateTime day, CancellationToken ct)
    {
        var next = day.AddDays(1);
        var kindText = kind.ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Readings.FromSql($"""
            DELETE FROM "Readings"
            WHERE "Mn" = {mn} AND "Kind" = {kindText} AND "PollutantCode" = {code} AND "DataTimeUtc" >= {day} AND "DataTimeUtc" < {next}
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        var onGrid = taken.Where(r => ReadingChunkCodec.SlotOf(kind, day, r.DataTimeUtc) >= 0).ToList();
        // Only off-grid rows (or none): roll back, leaving them exactly as they were.
        if (onGrid.Count == 0) return 0;
        db.Readings.AddRange(taken.Except(onGrid));

        var chunk = await db.ReadingChunks.FirstOrDefaultAsync(c => c.Mn == mn && c.Kind == kind && c.PollutantCode == code && c.DayStartUtc == day, ct);
        // Earlier chunked readings first: on a shared slot the first arrival wins.
        var merged = chunk is null ? onGrid : ReadingChunkCodec.Readings(chunk).Concat(onGrid).ToList();
        var data = ReadingChunkCodec.Encode(kind, day, merged);
        var count = new ReadingChunkCodec.View(data).PresentCount();
        if (chunk is null) db.ReadingChunks.Add(new ReadingChunk { Mn = mn, Kind = kind, PollutantCode = code, DayStartUtc = day, Count = count, Data = data });
        else (chunk.Data, chunk.Count) = (data, count);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return onGrid.Count;
    }
}
