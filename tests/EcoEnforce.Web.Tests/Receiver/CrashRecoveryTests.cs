using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EcoEnforce.Data;
using EcoEnforce.Hj212;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
        var dataDir = Directory.CreateTempSubdirectory("ecoenforce-crash-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ECOENFORCE_DATA_DIR"] = dataDir,
            ["ECOENFORCE_ADMIN_PASSWORD"] = EcoEnforceApp.AdminPassword,
            ["ECOENFORCE_DEMO"] = "false",
        };
        string? pgDatabase = null;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("ECOENFORCE_TEST_PG");
            if (string.IsNullOrEmpty(server))
            {
                Assert.False(EcoEnforceApp.IsCi, "CI=true but ECOENFORCE_TEST_PG is not set");
                Assert.Skip("ECOENFORCE_TEST_PG is not set");
            }
            pgDatabase = $"ee_crash_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(server))
            {
                await c.OpenAsync(Ct);
                await new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", c).ExecuteNonQueryAsync(Ct);
            }
            environment["Database__Provider"] = "Postgres";
            environment["ConnectionStrings__EcoEnforce"] = new NpgsqlConnectionStringBuilder(server) { Database = pgDatabase }.ConnectionString;
        }

        var port = ReceiverApp.FreePort();
        var acked = new HashSet<(string Mn, int Minute)>();
        using var first = StartApp(environment, port);
        await WaitForPortAsync(port);
        var devices = Enumerable.Range(0, Devices).Select(d => RunDeviceAsync($"660000000000{d:D2}", port, acked)).ToList();
        while (Count(acked) < Devices * PacketsPerDevice / 3) await Task.Delay(20, Ct);
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync(Ct);

        using var second = StartApp(environment, port);
        await WaitForPortAsync(port);
        await Task.WhenAll(devices).WaitAsync(TimeSpan.FromMinutes(3), Ct);
        second.Kill(entireProcessTree: true);
        await second.WaitForExitAsync(Ct);

        Assert.Equal(Devices * PacketsPerDevice, acked.Count);
        var stored = await StoredAsync(provider, dataDir, environment);
        Assert.Equal(acked.Count, stored.Count);
        Assert.Equal(acked.OrderBy(a => a).ToList(), stored.OrderBy(s => s).ToList());

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        if (pgDatabase is not null)
        {
            await using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("ECOENFORCE_TEST_PG"));
            await c.OpenAsync(Ct);
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", c).ExecuteNonQueryAsync(Ct);
        }
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

    private static async Task<List<(string, int)>> StoredAsync(DatabaseProvider provider, string dataDir, Dictionary<string, string> environment)
    {
        var options = new DbContextOptionsBuilder<EcoEnforceDb>();
        if (provider == DatabaseProvider.Postgres) options.UseNpgsql(environment["ConnectionStrings__EcoEnforce"]);
        else options.UseSqlite($"Data Source={Path.Combine(dataDir, "ecoenforce.db")}");
        await using var db = new EcoEnforceDb(options.Options);
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

    private static Process StartApp(Dictionary<string, string> environment, int port)
    {
        var info = new ProcessStartInfo("dotnet", ["EcoEnforce.Web.dll", "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0", $"--Receiver:Port={port}",
            "--Logging:LogLevel:Default=Warning"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForPortAsync(int port)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, Ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, Ct);
            }
        }
        throw new TimeoutException($"the app did not open port {port}");
    }
}
