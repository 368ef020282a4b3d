using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Archive;

/// <summary>Reads an outlet's readings wherever they are kept: chunks for compacted days, rows for the rest. A row for
/// a slot a chunk already holds is a late duplicate and loses, as a duplicate loses to the first arrival in the row
/// store.</summary>
public static class StoredReadings
{
    /// <summary>Readings in [fromUtc, toUtc), ordered by time and code, at most <paramref name="max"/>.</summary>
    public static async Task<List<Reading>> ListAsync(EcoEnforceDb db, string mn, ReadingKind kind, DateTime fromUtc, DateTime toUtc, int max, CancellationToken ct)
    {
        var rows = await db.Readings.AsNoTracking()
            .Where(r => r.Mn == mn && r.Kind == kind && r.DataTimeUtc >= fromUtc && r.DataTimeUtc < toUtc)
            .OrderBy(r => r.DataTimeUtc).ThenBy(r => r.PollutantCode).Take(max).ToListAsync(ct);
        if (!ReadingChunkCodec.IsChunked(kind)) return rows;
        var archived = new List<Reading>();
        await foreach (var chunk in Chunks(db, mn, kind, fromUtc, toUtc).AsAsyncEnumerable().WithCancellation(ct))
        {
            // Chunks come in day order, so once they alone fill the page, later days cannot belong on it.
            if (archived.Count >= max) break;
            archived.AddRange(ReadingChunkCodec.Readings(chunk).Where(r => r.DataTimeUtc >= fromUtc && r.DataTimeUtc < toUtc));
        }
        if (archived.Count == 0) return rows;
        var held = archived.Select(r => (r.PollutantCode, r.DataTimeUtc)).ToHashSet();
        return [.. archived.Concat(rows.Where(r => !held.Contains((r.PollutantCode, r.DataTimeUtc))))
            .OrderBy(r => r.DataTimeUtc).ThenBy(r => r.PollutantCode, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>How many readings of one code lie in [fromUtc, toUtc) (a late row for a slot a chunk holds counts once).
    /// A chunk wholly inside the range with no row beside it counts by its stored <see cref="ReadingChunk.Count"/>;
    /// only the others are decoded.</summary>
    public static async Task<int> CountAsync(EcoEnforceDb db, string mn, ReadingKind kind, string code, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var times = await db.Readings.Where(r => r.Mn == mn && r.Kind == kind && r.PollutantCode == code && r.DataTimeUtc >= fromUtc && r.DataTimeUtc < toUtc)
            .Select(r => r.DataTimeUtc).ToListAsync(ct);
        if (!ReadingChunkCodec.IsChunked(kind)) return times.Count;
        var rowDays = times.Select(ReadingChunkCodec.DayStartUtc).ToHashSet();
        var chunks = await Chunks(db, mn, kind, fromUtc, toUtc).Where(c => c.PollutantCode == code).Select(c => new { c.DayStartUtc, c.Count }).ToListAsync(ct);
        var count = times.Count;
        foreach (var chunk in chunks)
        {
            if (chunk.DayStartUtc >= fromUtc && chunk.DayStartUtc.AddDays(1) <= toUtc && !rowDays.Contains(chunk.DayStartUtc))
            {
                count += chunk.Count;
                continue;
            }
            var whole = await db.ReadingChunks.AsNoTracking()
                .FirstAsync(c => c.Mn == mn && c.Kind == kind && c.PollutantCode == code && c.DayStartUtc == chunk.DayStartUtc, ct);
            var held = ReadingChunkCodec.Readings(whole).Select(r => r.DataTimeUtc).Where(t => t >= fromUtc && t < toUtc).ToHashSet();
            count += held.Count - times.Count(held.Contains);
        }
        return count;
    }

    /// <summary>The time of the latest reading of this kind and every reading at that time.</summary>
    public static async Task<(DateTime Time, List<Reading> Readings)?> LatestAsync(EcoEnforceDb db, string mn, ReadingKind kind, CancellationToken ct)
    {
        var lastRow = await db.Readings.Where(r => r.Mn == mn && r.Kind == kind).MaxAsync(r => (DateTime?)r.DataTimeUtc, ct);
        DateTime? lastDay = ReadingChunkCodec.IsChunked(kind)
            ? await db.ReadingChunks.Where(c => c.Mn == mn && c.Kind == kind).MaxAsync(c => (DateTime?)c.DayStartUtc, ct)
            : null;
        var last = lastRow;
        if (lastDay is { } day && (last is null || last < day.AddDays(1)))
        {
            var chunks = await db.ReadingChunks.AsNoTracking().Where(c => c.Mn == mn && c.Kind == kind && c.DayStartUtc == day).ToListAsync(ct);
            var latestInChunks = chunks.SelectMany(c => ReadingChunkCodec.Readings(c)).Max(r => (DateTime?)r.DataTimeUtc);
            if (latestInChunks > last || last is null) last = latestInChunks;
        }
        if (last is not { } time) return null;
        var found = await ListAsync(db, mn, kind, time, time.AddTicks(1), 1000, ct);
        return (time, found);
    }

    /// <summary>An outlet's data of one kind on the grid <paramref name="start"/> + i × step, i &lt; <paramref name="count"/>,
    /// one <see cref="GridSeries"/> per code. Rows off the grid fall into the slot they start in.</summary>
    public static async Task<SortedDictionary<string, GridSeries>> GridAsync(
        EcoEnforceDb db, string mn, ReadingKind kind, DateTime start, int count, CancellationToken ct)
    {
        var step = kind switch { ReadingKind.Minute => TimeSpan.FromMinutes(1), ReadingKind.Hour => TimeSpan.FromHours(1), _ => TimeSpan.FromDays(1) };
        var end = start + step * count;
        var grid = new SortedDictionary<string, GridSeries>(StringComparer.Ordinal);
        GridSeries Of(string code) => grid.TryGetValue(code, out var s) ? s : grid[code] = new GridSeries(count);

        var rows = await db.Readings.AsNoTracking()
            .Where(r => r.Mn == mn && r.Kind == kind && r.DataTimeUtc >= start && r.DataTimeUtc < end)
            .Select(r => new Reading
            {
                Mn = r.Mn, PollutantCode = r.PollutantCode, DataTimeUtc = r.DataTimeUtc, Value = r.Value, Min = r.Min, Max = r.Max, Cou = r.Cou, Flag = r.Flag,
            })
            .ToListAsync(ct);
        var pending = rows.GroupBy(r => (r.PollutantCode, Day: ReadingChunkCodec.DayStartUtc(r.DataTimeUtc)))
            .ToDictionary(g => g.Key, g => g.ToList());

        if (ReadingChunkCodec.IsChunked(kind))
        {
            await foreach (var chunk in Chunks(db, mn, kind, start, end).AsAsyncEnumerable().WithCancellation(ct))
            {
                var view = new ReadingChunkCodec.View(chunk.Data);
                var series = Of(chunk.PollutantCode);
                var offset = (int)((chunk.DayStartUtc - start).Ticks / step.Ticks);
                series.CopyFrom(view, offset);
                if (!pending.Remove((chunk.PollutantCode, chunk.DayStartUtc), out var late)) continue;
                foreach (var r in late)
                {
                    var slot = (int)((r.DataTimeUtc - chunk.DayStartUtc).Ticks / step.Ticks);
                    if (!view.IsPresent(slot)) series.Set(offset + slot, r);
                }
            }
        }
        foreach (var ((code, _), group) in pending)
        {
            var series = Of(code);
            foreach (var r in group) series.Set((int)((r.DataTimeUtc - start).Ticks / step.Ticks), r);
        }
        return grid;
    }

    /// <summary>Chunks of days overlapping [fromUtc, toUtc), in day order.</summary>
    private static IQueryable<ReadingChunk> Chunks(EcoEnforceDb db, string mn, ReadingKind kind, DateTime fromUtc, DateTime toUtc)
    {
        var firstDay = ReadingChunkCodec.DayStartUtc(fromUtc);
        return db.ReadingChunks.AsNoTracking()
            .Where(c => c.Mn == mn && c.Kind == kind && c.DayStartUtc >= firstDay && c.DayStartUtc < toUtc)
            .OrderBy(c => c.DayStartUtc).ThenBy(c => c.PollutantCode);
    }
}

/// <summary>One code's data on a regular grid: NaN where nothing was reported; Min, Max and Cou only when reported.</summary>
public sealed class GridSeries(int count)
{
    public double[] Values { get; } = Nans(count);
    public double[]? Min { get; private set; }
    public double[]? Max { get; private set; }
    public double[]? Cou { get; private set; }
    public string?[] Flags { get; } = new string?[count];

    /// <summary>Copies a chunk's day into the grid at <paramref name="offset"/> (negative when the day began before the
    /// grid), clipped to the grid.</summary>
    public void CopyFrom(ReadingChunkCodec.View view, int offset)
    {
        var from = Math.Max(0, -offset);
        var to = Math.Min(view.Slots, Values.Length - offset);
        if (to <= from) return;
        var length = to - from;
        view.Avg.Slice(from, length).CopyTo(Values.AsSpan(offset + from));
        if (view.HasMin) view.Min.Slice(from, length).CopyTo((Min ??= Nans(Values.Length)).AsSpan(offset + from));
        if (view.HasMax) view.Max.Slice(from, length).CopyTo((Max ??= Nans(Values.Length)).AsSpan(offset + from));
        if (view.HasCou) view.Cou.Slice(from, length).CopyTo((Cou ??= Nans(Values.Length)).AsSpan(offset + from));
        if (!view.HasFlags) return;
        for (var i = from; i < to; i++) Flags[offset + i] = view.FlagAt(i);
    }

    public void Set(int index, Reading r)
    {
        if (index < 0 || index >= Values.Length) return;
        Values[index] = r.Value ?? double.NaN;
        if (r.Min is { } min) (Min ??= Nans(Values.Length))[index] = min;
        if (r.Max is { } max) (Max ??= Nans(Values.Length))[index] = max;
        if (r.Cou is { } cou) (Cou ??= Nans(Values.Length))[index] = cou;
        Flags[index] = r.Flag;
    }

    private static double[] Nans(int count) => ReadingChunkCodec.Nans(count);
}
