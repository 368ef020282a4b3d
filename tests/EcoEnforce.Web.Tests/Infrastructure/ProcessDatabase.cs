using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EcoEnforce.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EcoEnforce.Web.Tests.Infrastructure;

/// <summary>A database for tests that run the app and the CLI as real processes (to kill them with SIGKILL, or to run
/// two of them): a temporary SQLite data directory, or a fresh PostgreSQL database on ECOENFORCE_TEST_PG, and the
/// environment that points every process at it.</summary>
public sealed class ProcessDatabase : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string? _postgresDatabase;

    private ProcessDatabase(DatabaseProvider provider, string dataDir, string? postgresDatabase, Dictionary<string, string> environment)
    {
        (Provider, DataDir, _postgresDatabase, Environment) = (provider, dataDir, postgresDatabase, environment);
    }

    public DatabaseProvider Provider { get; }
    public string DataDir { get; }
    public Dictionary<string, string> Environment { get; }

    /// <summary>Skips the test when PostgreSQL is asked for but not configured (fails instead under CI).</summary>
    public static async Task<ProcessDatabase> CreateAsync(DatabaseProvider provider, bool demo = false)
    {
        var dataDir = Directory.CreateTempSubdirectory("ecoenforce-process-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ECOENFORCE_DATA_DIR"] = dataDir,
            ["ECOENFORCE_ADMIN_PASSWORD"] = EcoEnforceApp.AdminPassword,
            ["ECOENFORCE_DEMO"] = demo ? "true" : "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        string? database = null;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = System.Environment.GetEnvironmentVariable("ECOENFORCE_TEST_PG");
            if (string.IsNullOrEmpty(server))
            {
                Assert.False(EcoEnforceApp.IsCi, "CI=true but ECOENFORCE_TEST_PG is not set");
                Assert.Skip("ECOENFORCE_TEST_PG is not set");
            }
            database = $"ee_proc_{Guid.NewGuid():N}";
            await using var c = new NpgsqlConnection(server);
            await c.OpenAsync(Ct);
            await new NpgsqlCommand($"CREATE DATABASE {database}", c).ExecuteNonQueryAsync(Ct);
            environment["Database__Provider"] = "Postgres";
            environment["ConnectionStrings__EcoEnforce"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }
        return new ProcessDatabase(provider, dataDir, database, environment);
    }

    /// <summary>A context on the same database, for checking what the processes left behind.</summary>
    public EcoEnforceDb Open()
    {
        var options = new DbContextOptionsBuilder<EcoEnforceDb>();
        if (Provider == DatabaseProvider.Postgres) options.UseNpgsql(Environment["ConnectionStrings__EcoEnforce"]);
        else options.UseSqlite($"Data Source={Path.Combine(DataDir, "ecoenforce.db")}");
        return new EcoEnforceDb(options.Options);
    }

    /// <summary>The web app (with its HJ 212 receiver on <paramref name="receiverPort"/>) listening on <paramref name="httpPort"/>.</summary>
    public Process StartApp(int httpPort, int receiverPort, params string[] settings) =>
        Start("EcoEnforce.Web.dll", [$"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{httpPort}", $"--Receiver:Port={receiverPort}", .. settings]);

    public Process StartCli(params string[] args) => Start("ecoenforce.dll", args);

    private Process Start(string assembly, string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [assembly, .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment) info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task KillAsync(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(Ct);
    }

    public static async Task WaitForPortAsync(int port, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(90)))
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
        throw new TimeoutException($"nothing listens on port {port}");
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
        if (_postgresDatabase is not null)
        {
            await using var c = new NpgsqlConnection(System.Environment.GetEnvironmentVariable("ECOENFORCE_TEST_PG"));
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", c).ExecuteNonQueryAsync();
        }
    }
}
