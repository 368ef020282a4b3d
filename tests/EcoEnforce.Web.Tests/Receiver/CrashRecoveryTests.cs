using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EcoEnforce.Data;
using EcoEnforce.Hj212;
using EcoEnforce.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Receiver;

/// <summary>The app as a real process, killed with SIGKILL in the middle of a stream of uploads and started again on
/// the same database: every reading a device saw acknowledged is stored, exactly once.</summary>
public sealed class CrashRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int Devices = 8, PacketsPerDevice = 40;

    [Fact]
    public Task On_sqlite_every_acknowledged_reading_survives_a_kill() => RunAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task On_postgres_every_acknowledged_reading_survives_a_kill() => RunAsync(DatabaseProvider.Postgres);

    private static async Task RunAsync(DatabaseProvider provider)
    {
        await using var database = await ProcessDatabase.CreateAsync(provider);
        var (port, http) = (ReceiverApp.FreePort(), ReceiverApp.FreePort());
        var acked = new HashSet<(string Mn, int Minute)>();
        using var first = database.StartApp(http, port);
        await ProcessDatabase.WaitForPortAsync(port);
        var devices = Enumerable.Range(0, Devices).Select(d => RunDeviceAsync($"660000000000{d:D2}", port, acked)).ToList();
        while (Count(acked) < Devices * PacketsPerDevice / 3) await Task.Delay(20, Ct);
        await ProcessDatabase.KillAsync(first);

        using var second = database.StartApp(http, port);
        await ProcessDatabase.WaitForPortAsync(port);
        await Task.WhenAll(devices).WaitAsync(TimeSpan.FromMinutes(3), Ct);
        await ProcessDatabase.KillAsync(second);

        Assert.Equal(Devices * PacketsPerDevice, acked.Count);
        await using var db = database.Open();
        var stored = await StoredAsync(db);
        Assert.Equal(acked.Count, stored.Count);
        Assert.Equal(acked.OrderBy(a => a).ToList(), stored.OrderBy(s => s).ToList());
    }

    private static int Count(HashSet<(string, int)> set)
    {
        lock (set) return set.Count;
    }

    /// <summary>Sends its packets one by one, each until answered; reconnects after any failure and resends.</summary>
    private static async Task RunDeviceAsync(string mn, int port, HashSet<(string Mn, int Minute)> acked)
    {
        var start = new DateTime(2022, 12, 10, 8, 0, 0);
        var minute = 0;
        var deadline = Stopwatch.StartNew();
        while (minute < PacketsPerDevice && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, Ct);
                var stream = client.GetStream();
                var buffer = new byte[1024];
                while (minute < PacketsPerDevice)
                {
                    var qn = $"20221210{mn[^2..]}{minute:D7}";
                    await stream.WriteAsync(Device.MinutePacket(mn, start.AddMinutes(minute), minute, qn), Ct);
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(10));
                    var n = await stream.ReadAsync(buffer, timeout.Token);
                    if (n == 0) break;
                    var answer = Hj212Packet.Parse(buffer.AsSpan(0, n));
                    if (answer.Cn != "9014" || answer.Qn != qn) throw new InvalidOperationException($"unexpected answer {answer.Cn} {answer.Qn}");
                    lock (acked) acked.Add((mn, minute));
                    minute++;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !Ct.IsCancellationRequested)
            {
                await Task.Delay(100, Ct);
            }
        }
    }

    private static async Task<List<(string, int)>> StoredAsync(EcoEnforceDb db)
    {
        var rows = await db.Readings.Where(r => r.Mn.StartsWith("660000000000") && r.PollutantCode == "w01018")
            .Select(r => new { r.Mn, r.Value }).ToListAsync(Ct);
        // The app compacts finished days into chunks as it runs (the devices send old data times). A packet resent after
        // its day was compacted lands as a row again until the next pass merges it; readers let the chunk win, so the
        // stored readings are the chunks' plus the rows for slots no chunk holds — each row store alone holds no
        // duplicate, and a resend carries the same value as the reading it repeats.
        var chunks = await db.ReadingChunks.Where(c => c.Mn.StartsWith("660000000000") && c.PollutantCode == "w01018").ToListAsync(Ct);
        var archived = chunks.SelectMany(c => Monitoring.Archive.ReadingChunkCodec.Readings(c)).Select(r => (r.Mn, (int)r.Value!.Value)).ToList();
        var live = rows.Select(r => (r.Mn, (int)r.Value!.Value)).ToList();
        Assert.Equal(archived.Count, archived.Distinct().Count());
        Assert.Equal(live.Count, live.Distinct().Count());
        return [.. archived, .. live.Except(archived)];
    }
}
