using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Archive;

/// <summary>Moves minute and hour rows of finished days into <see cref="ReadingChunk"/>s, one outlet-day (all its
/// codes) per transaction. The rows are taken with <c>DELETE … RETURNING</c>, so exactly the rows removed are the rows packed: a
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
            {
                var codes = await CodesAsync(mn, kind, ct);
                var from = DateTime.MinValue;
                // Day by day, every code of the outlet's day in one transaction.
                while (await FirstBeforeAsync(mn, kind, codes, from, lastDayEnd, ct) is { } first)
                {
                    var day = ReadingChunkCodec.DayStartUtc(first);
                    var moved = await CompactDayAsync(mn, kind, codes, day, ct);
                    (days, readings) = (days + moved.Count, readings + moved.Sum());
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

    /// <summary>The earliest row time in [from, before) over the codes, one index seek per code.</summary>
    private async Task<DateTime?> FirstBeforeAsync(string mn, ReadingKind kind, List<string> codes, DateTime from, DateTime before, CancellationToken ct)
    {
        DateTime? first = null;
        foreach (var code in codes)
        {
            var t = await db.Readings.Where(r => r.Mn == mn && r.Kind == kind && r.PollutantCode == code && r.DataTimeUtc >= from && r.DataTimeUtc < before)
                .MinAsync(r => (DateTime?)r.DataTimeUtc, ct);
            if (t < first || first is null) first = t;
        }
        return first;
    }

    /// <summary>Moves one outlet-day into chunks; returns the readings moved per series that moved any.</summary>
    private async Task<List<int>> CompactDayAsync(string mn, ReadingKind kind, List<string> codes, DateTime day, CancellationToken ct)
    {
        var next = day.AddDays(1);
        // One parameter per code: "PollutantCode" IN (…) keeps each code a range seek on the primary key.
        var codeList = string.Join(", ", codes.Select((_, i) => $"{{{i + 4}}}"));
        object[] parameters = [mn, kind.ToString(), day, next, .. codes];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only placeholders are put into the text; every value is a parameter.
        var sql = $$"""
            DELETE FROM "Readings"
            WHERE "Mn" = {0} AND "Kind" = {1} AND "PollutantCode" IN ({{codeList}}) AND "DataTimeUtc" >= {2} AND "DataTimeUtc" < {3}
            RETURNING *
            """;
        var taken = await db.Readings.FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct);
        var onGrid = taken.Where(r => ReadingChunkCodec.SlotOf(kind, day, r.DataTimeUtc) >= 0).ToList();
        // Only off-grid rows (or none): roll back, leaving them exactly as they were.
        if (onGrid.Count == 0) return [];
        db.Readings.AddRange(taken.Except(onGrid));

        var moved = new List<int>();
        var chunks = await db.ReadingChunks.Where(c => c.Mn == mn && c.Kind == kind && c.DayStartUtc == day && codes.Contains(c.PollutantCode))
            .ToDictionaryAsync(c => c.PollutantCode, ct);
        foreach (var series in onGrid.GroupBy(r => r.PollutantCode))
        {
            var chunk = chunks.GetValueOrDefault(series.Key);
            // Earlier chunked readings first: on a shared slot the first arrival wins.
            var merged = chunk is null ? series : ReadingChunkCodec.Readings(chunk).Concat(series);
            var data = ReadingChunkCodec.Encode(kind, day, merged);
            var count = new ReadingChunkCodec.View(data).PresentCount();
            if (chunk is null) db.ReadingChunks.Add(new ReadingChunk { Mn = mn, Kind = kind, PollutantCode = series.Key, DayStartUtc = day, Count = count, Data = data });
            else (chunk.Data, chunk.Count) = (data, count);
            moved.Add(series.Count());
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return moved;
    }
}
