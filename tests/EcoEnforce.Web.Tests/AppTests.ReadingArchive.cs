using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>Compaction moves finished days into chunks without losing or changing a reading: the page's readings and
/// the detectors' grid are the same before and after, late packets are merged, and off-grid rows stay rows.</summary>
public abstract partial class AppTests<TApp>
{
    // 2031-05-01 00:00 Beijing time; no other test writes readings in 2031.
    private static readonly DateTime ArchiveDay = new(2031, 4, 30, 16, 0, 0, DateTimeKind.Utc);
    private const string ArchiveMn = "88888889990001";

    private static List<Reading> ArchiveRows()
    {
        var random = new Random(31);
        var rows = new List<Reading>();
        for (var minute = 0; minute < 3 * 1440; minute += random.Next(1, 3))
            foreach (var code in new[] { "a21026", "a00000" })
                rows.Add(new Reading
                {
                    Mn = ArchiveMn, Kind = ReadingKind.Minute, PollutantCode = code, DataTimeUtc = ArchiveDay.AddMinutes(minute),
                    Value = minute % 97 == 0 ? null : Math.Round(random.NextDouble() * 80, 3), Min = code == "a21026" ? random.NextDouble() : null,
                    Max = code == "a21026" ? 80 + random.NextDouble() : null, Cou = code == "a00000" ? random.NextDouble() * 1e4 : null,
                    Flag = minute % 50 == 0 ? "M" : "N", RawPacketId = 1000 + minute,
                });
        for (var hour = 0; hour < 72; hour++)
            rows.Add(new Reading { Mn = ArchiveMn, Kind = ReadingKind.Hour, PollutantCode = "a21026", DataTimeUtc = ArchiveDay.AddHours(hour), Value = hour, Flag = "N", RawPacketId = 5000 + hour });
        // A logger that stamps a minute record at :30 seconds: kept as a row, never forced onto the grid.
        rows.Add(new Reading { Mn = ArchiveMn, Kind = ReadingKind.Minute, PollutantCode = "a19001", DataTimeUtc = ArchiveDay.AddMinutes(10).AddSeconds(30), Value = 9.5, RawPacketId = 7000 });
        return rows;
    }

    private async Task<(List<Reading> Listed, SortedDictionary<string, GridSeries> Grid)> ArchiveSnapshotAsync() => await App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EcoEnforceDb>();
        var listed = await MonitoringQueries.ReadingsAsync(db, ArchiveMn, ReadingKind.Minute, ArchiveDay, ArchiveDay.AddDays(3), 100_000, Ct);
        var grid = await StoredReadings.GridAsync(db, ArchiveMn, ReadingKind.Minute, ArchiveDay.AddHours(5), 2 * 1440, Ct);
        return (listed, grid);
    });

    private static object Comparable(Reading r) => (r.PollutantCode, r.DataTimeUtc, r.Value, r.Min, r.Max, r.Cou, r.Flag, r.RawPacketId);

    private Task<ReadingCompactor.Result> CompactAsync(DateTime cutoff) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<ReadingCompactor>().CompactAsync(cutoff, Ct));

    [Fact]
    public async Task Compaction_moves_finished_days_into_chunks_and_every_reading_reads_back_unchanged()
    {
        var rows = ArchiveRows();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var enterprise = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
            db.MonitoringPoints.Add(new MonitoringPoint { EnterpriseId = enterprise, Mn = ArchiveMn, Name = "压缩测试排口", Medium = MonitoringMedium.Air });
            db.Readings.AddRange(rows);
            return await db.SaveChangesAsync(Ct);
        });
        var (listedBefore, gridBefore) = await ArchiveSnapshotAsync();
        Assert.Equal(rows.Count(r => r.Kind == ReadingKind.Minute), listedBefore.Count);

        // The first two days have ended before the cutoff; the third stays rows.
        var result = await CompactAsync(ArchiveDay.AddDays(2).AddHours(1));
        Assert.Equal(rows.Count(r => r.DataTimeUtc < ArchiveDay.AddDays(2) && r.PollutantCode != "a19001"), result.Readings);
        Assert.Equal(2 * 2 + 2, result.SeriesDays); // two minute codes and the hour code, two days each

        var (listedAfter, gridAfter) = await ArchiveSnapshotAsync();
        Assert.Equal(listedBefore.Select(Comparable), listedAfter.Select(Comparable));
        Assert.Equal(gridBefore.Keys, gridAfter.Keys);
        foreach (var (code, series) in gridBefore)
        {
            Assert.Equal(series.Values, gridAfter[code].Values);
            Assert.Equal(series.Flags, gridAfter[code].Flags);
            Assert.Equal(series.Min, gridAfter[code].Min);
            Assert.Equal(series.Cou, gridAfter[code].Cou);
        }
        var (rowsLeft, offGridLeft, chunks) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            return (await db.Readings.CountAsync(r => r.Mn == ArchiveMn && r.DataTimeUtc < ArchiveDay.AddDays(2), Ct),
                await db.Readings.CountAsync(r => r.Mn == ArchiveMn && r.PollutantCode == "a19001", Ct),
                await db.ReadingChunks.CountAsync(c => c.Mn == ArchiveMn, Ct));
        });
        Assert.Equal((1, 1, 6), (rowsLeft, offGridLeft, chunks));
        Assert.Equal(new ReadingCompactor.Result(0, 0), await CompactAsync(ArchiveDay.AddDays(2).AddHours(1)));
        // Counting: whole chunked days by their stored count, a partial day by decoding, rows beside them.
        int Expected(DateTime from, DateTime to) => rows.Count(r => r.Kind == ReadingKind.Minute && r.PollutantCode == "a21026" && r.DataTimeUtc >= from && r.DataTimeUtc < to);
        Task<int> CountAsync(DateTime from, DateTime to) =>
            App.WithScopeAsync(sp => StoredReadings.CountAsync(sp.GetRequiredService<EcoEnforceDb>(), ArchiveMn, ReadingKind.Minute, "a21026", from, to, Ct));
        foreach (var (from, to) in new[] { (ArchiveDay, ArchiveDay.AddDays(3)), (ArchiveDay.AddHours(5), ArchiveDay.AddHours(30)), (ArchiveDay.AddDays(1), ArchiveDay.AddDays(2)) })
            Assert.Equal(Expected(from, to), await CountAsync(from, to));

        // A packet resent after its day was compacted: a new minute is merged, a duplicate of a held minute loses.
        var held = listedBefore.First(r => r.PollutantCode == "a21026" && r.Value is not null);
        var missing = Enumerable.Range(0, 1440).Select(m => ArchiveDay.AddMinutes(m)).First(t => listedBefore.All(r => r.DataTimeUtc != t));
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            db.Readings.Add(new Reading { Mn = ArchiveMn, Kind = ReadingKind.Minute, PollutantCode = "a21026", DataTimeUtc = held.DataTimeUtc, Value = -1, RawPacketId = 9001 });
            db.Readings.Add(new Reading { Mn = ArchiveMn, Kind = ReadingKind.Minute, PollutantCode = "a21026", DataTimeUtc = missing, Value = 42, Flag = "N", RawPacketId = 9002 });
            return await db.SaveChangesAsync(Ct);
        });
        foreach (var cutoff in new DateTime?[] { null, ArchiveDay.AddDays(2).AddHours(1) })
        {
            if (cutoff is { } c) Assert.Equal(2, (await CompactAsync(c)).Readings);
            var (listed, grid) = await ArchiveSnapshotAsync();
            Assert.Equal(held.Value, listed.Single(r => r.PollutantCode == "a21026" && r.DataTimeUtc == held.DataTimeUtc).Value);
            Assert.Equal(42, listed.Single(r => r.PollutantCode == "a21026" && r.DataTimeUtc == missing).Value);
            Assert.Equal(listedBefore.Count + 1, listed.Count);
            Assert.Equal(Expected(ArchiveDay, ArchiveDay.AddDays(3)) + 1, await CountAsync(ArchiveDay, ArchiveDay.AddDays(3)));
            if (held.DataTimeUtc >= ArchiveDay.AddHours(5)) Assert.Equal(held.Value, grid["a21026"].Values[(int)(held.DataTimeUtc - ArchiveDay.AddHours(5)).TotalMinutes]);
        }
    }
}
