using EcoEnforce.Accounts;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EcoEnforce.Web.Tests.Infrastructure;

/// <summary>The whole app on a fresh database: a temporary SQLite file, or a new PostgreSQL database on the server
/// named by ECOENFORCE_TEST_PG. It starts as a fresh install would: migrated, seeded with the 2022 plan and the
/// demo data, with an administrator whose password comes from configuration.</summary>
public abstract class EcoEnforceApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Admin-Test-Passw0rd";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ecoenforce-test-").FullName;
    private string? _postgresDatabase;
    private int _userCounter;

    public abstract DatabaseProvider Provider { get; }
    /// <summary>Set by fixtures that start Kestrel and want the HJ 212 receiver listening.</summary>
    protected virtual int? ReceiverPort => null;
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("ECOENFORCE_TEST_PG");
            if (string.IsNullOrEmpty(server))
            {
                if (IsCi) throw new InvalidOperationException("CI=true but ECOENFORCE_TEST_PG is not set: PostgreSQL tests cannot be skipped in CI.");
                Unavailable = "ECOENFORCE_TEST_PG is not set; run ./test.sh to start a throwaway PostgreSQL.";
                return;
            }
            _postgresDatabase = $"ee_test_{Guid.NewGuid():N}";
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
        }
        // Starting the server runs migrations and seeding, so a broken start fails the fixture, not every test.
        if (OnRealKestrel)
        {
            UseKestrel();
            StartServer();
        }
        else
        {
            _ = Services;
        }
    }

    /// <summary>Fixtures that need real sockets (browser, HJ 212 devices) run on Kestrel instead of the test server.</summary>
    protected virtual bool OnRealKestrel => false;

    /// <summary>The HTTP address; Kestrel lists the HJ 212 endpoint among its addresses too.</summary>
    public string HttpBaseUrl => Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First(a => ReceiverPort is not { } hj212 || !a.EndsWith($":{hj212}", StringComparison.Ordinal));

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public void SkipIfUnavailable() => Assert.SkipWhen(Unavailable is not null, Unavailable ?? "");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ECOENFORCE_DATA_DIR", _dataDirectory);
        builder.UseSetting("ECOENFORCE_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("PublicSite:RequestsPerMinute", "100000"); // tests share one address; the limit has its own test
        builder.UseSetting("Login:AttemptsPerMinute", "100000"); // likewise
        builder.UseSetting("PublicSite:CacheSeconds", "0"); // tests write rows and read the public site at once; the cache has its own test
        builder.UseSetting("Leads:Enabled", "false"); // scans run when a test asks for them
        builder.UseSetting("Readings:CompactionEnabled", "false"); // likewise compaction
        builder.UseSetting("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:0");
        builder.UseSetting("Receiver:Enabled", ReceiverPort is null ? "false" : "true");
        if (ReceiverPort is { } port) builder.UseSetting("Receiver:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Provider == DatabaseProvider.Postgres && _postgresDatabase is not null)
        {
            var cs = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ECOENFORCE_TEST_PG")) { Database = _postgresDatabase };
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:EcoEnforce", cs.ConnectionString);
        }
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = OnRealKestrel ? new Uri(HttpBaseUrl) : new Uri("http://localhost"),
    });

    /// <summary>Runs code against the app's database in its own scope, as the app itself would.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Creates a user with the given role and returns its name and password.</summary>
    public async Task<(string UserName, string Password)> CreateUserAsync(string role, int? departmentId = null)
    {
        var name = $"{role.ToLowerInvariant()}{Interlocked.Increment(ref _userCounter)}";
        const string password = "Test-Passw0rd-123";
        var result = await WithScopeAsync(sp =>
        {
            if (role == Roles.Liaison) departmentId ??= sp.GetRequiredService<EcoEnforceDb>().Departments.First(d => d.Kind == Organisation.DepartmentKind.Township).Id;
            return sp.GetRequiredService<CreateUser.Handler>()
                .HandleAsync(new CreateUser.Command(name, "测试" + role, role, departmentId, password), CancellationToken.None);
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return (name, password);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ECOENFORCE_TEST_PG"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp : EcoEnforceApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : EcoEnforceApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
