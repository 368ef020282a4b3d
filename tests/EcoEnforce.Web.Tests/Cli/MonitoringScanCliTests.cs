using EcoEnforce.Cli;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary><c>ecoenforce monitoring scan</c> over its own data directory: stored hour data with a frozen stretch gives a
/// lead; scanning again gives none; a bad date range is refused.</summary>
public sealed class MonitoringScanCliTests() : CliDataDirectory("scan")
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;


    [Fact]
    public async Task A_scan_of_stored_hour_data_records_a_lead_once_and_refuses_a_bad_range()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        int pointId;
        await using (var db = OpenDb())
        {
            var point = await db.MonitoringPoints.OrderBy(p => p.Id).FirstAsync(Ct);
            pointId = point.Id;
            var start = new DateTime(2022, 7, 31, 16, 0, 0, DateTimeKind.Utc); // 1 August 00:00 Beijing time
            var random = new Random(3);
            for (var h = 0; h < 48; h++)
            {
                db.Readings.Add(new Reading { Mn = point.Mn, Kind = ReadingKind.Hour, PollutantCode = "a21026", DataTimeUtc = start.AddHours(h), Value = h is >= 10 and < 22 ? 41.5 : 30 + random.NextDouble() * 10 });
                db.Readings.Add(new Reading { Mn = point.Mn, Kind = ReadingKind.Hour, PollutantCode = "a00000", DataTimeUtc = start.AddHours(h), Value = 50 + random.NextDouble() * 20 });
            }
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(0, await RunAsync("monitoring", "scan", "--from", "2022-08-01", "--to", "2022-08-03", "--point", $"{pointId}"));
        int leads;
        await using (var db = OpenDb()) leads = await db.Leads.CountAsync(l => l.MonitoringPointId == pointId && l.Signature == "stuck", Ct);
        Assert.Equal(1, leads);
        Assert.Equal(0, await RunAsync("monitoring", "scan", "--from", "2022-08-01", "--to", "2022-08-03"));
        await using (var db = OpenDb()) Assert.Equal(1, await db.Leads.CountAsync(l => l.MonitoringPointId == pointId && l.Signature == "stuck", Ct));
        Assert.Equal(2, await RunAsync("monitoring", "scan", "--from", "2022-08-03", "--to", "2022-08-01"));

        // Compacted into day chunks, the same data scans the same: still the one lead.
        Assert.Equal(0, await RunAsync("monitoring", "compact", "--before", "2022-08-03"));
        await using (var db = OpenDb())
            Assert.Equal((0, 4), (await db.Readings.CountAsync(r => r.MonitoringPointId == null && r.Kind == ReadingKind.Hour && r.PollutantCode == "a00000", Ct),
                await db.ReadingChunks.CountAsync(c => c.Kind == ReadingKind.Hour && (c.PollutantCode == "a21026" || c.PollutantCode == "a00000"), Ct)));
        Assert.Equal(0, await RunAsync("monitoring", "scan", "--from", "2022-08-01", "--to", "2022-08-03", "--point", $"{pointId}"));
        await using (var db = OpenDb()) Assert.Equal(1, await db.Leads.CountAsync(l => l.MonitoringPointId == pointId && l.Signature == "stuck", Ct));

        // A platform export: a bad one stores nothing, a good one that halves 02:00–05:00 gives a three-way lead.
        var bad = Path.Combine(DataDirectory, "坏.csv");
        await File.WriteAllTextAsync(bad, "时间,二氧化硫\n2022-08-01 00:00,abc\n", Ct);
        Assert.Equal(1, await RunAsync("monitoring", "compare-import", "--point", $"{pointId}", "--source", "platform", bad));
        var export = Path.Combine(DataDirectory, "平台导出.csv");
        await File.WriteAllTextAsync(export, "时间,二氧化硫\n" + string.Concat(Enumerable.Range(0, 24).Select(h =>
            $"2022-08-01 {h:00}:00,{(h is >= 2 and <= 5 ? 1 : 35)}\n")), Ct);
        Assert.Equal(0, await RunAsync("monitoring", "compare-import", "--point", $"{pointId}", "--source", "platform", export));
        await using (var db = OpenDb()) Assert.Equal(24, await db.ComparisonReadings.CountAsync(r => r.MonitoringPointId == pointId, Ct));
        Assert.Equal(0, await RunAsync("monitoring", "scan", "--from", "2022-08-01", "--to", "2022-08-03", "--point", $"{pointId}"));
        await using (var db = OpenDb()) Assert.True(await db.Leads.AnyAsync(l => l.MonitoringPointId == pointId && l.Signature == "three-way-mismatch", Ct));
    }
}
