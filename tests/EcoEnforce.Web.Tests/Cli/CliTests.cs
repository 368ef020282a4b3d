using EcoEnforce.Accounts;
using EcoEnforce.Cli;
using EcoEnforce.Common.Excel;
using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary>The CLI on its own SQLite data directory, as an operator would run it next to the app.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ecoenforce-cli-").FullName;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string?> Settings => new()
    {
        ["ECOENFORCE_DATA_DIR"] = _dataDirectory,
        ["ECOENFORCE_ADMIN_PASSWORD"] = EcoEnforceApp.AdminPassword,
    };

    private Task<int> RunAsync(params string[] args) => CliProgram.RunAsync(args, Settings);

    private EcoEnforceDb OpenDb() => new(new DbContextOptionsBuilder<EcoEnforceDb>()
        .UseSqlite($"Data Source={Path.Combine(_dataDirectory, "ecoenforce.db")}").Options);

    [Fact]
    public async Task Db_migrate_prepares_a_fresh_data_directory_like_the_first_start_of_the_app()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        await using var db = OpenDb();
        Assert.Equal(8, await db.Campaigns.CountAsync(Ct));
        Assert.Equal(52, await db.Enterprises.CountAsync(e => e.IsAutoMonitoringKeyUnit, Ct));
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "admin", Ct));
        Assert.Equal(0, await RunAsync("db", "migrate")); // idempotent
        Assert.Equal(8, await db.Campaigns.CountAsync(Ct));
    }

    [Fact]
    public async Task Export_then_import_of_the_same_file_updates_every_row_and_adds_none()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var file = Path.Combine(_dataDirectory, "nuclear.xlsx");
        Assert.Equal(0, await RunAsync("export", "entities", file, "--flag", "nuclear"));
        Assert.Equal(85, XlsxReader.ReadFirstSheet(File.OpenRead(file)).Count);

        Assert.Equal(0, await RunAsync("import", "entities", file));
        await using var db = OpenDb();
        Assert.Equal(84, await db.Enterprises.CountAsync(e => e.IsNuclearTechUser, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Actor.StartsWith("cli:") && a.EntityType == nameof(Enterprise), Ct));
    }

    [Fact]
    public async Task A_bad_import_file_exits_with_1_and_writes_nothing()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var bad = RegistryWorkbook.ValidRow();
        bad[RegistryColumns.Latitude] = "北纬30度";
        var file = Path.Combine(_dataDirectory, "bad.xlsx");
        await File.WriteAllBytesAsync(file, RegistryWorkbook.Build([RegistryWorkbook.ValidRow(), bad]), Ct);
        await using var db = OpenDb();
        var before = await db.Enterprises.CountAsync(Ct);
        Assert.Equal(1, await RunAsync("import", "entities", file));
        Assert.Equal(before, await db.Enterprises.CountAsync(Ct));
        Assert.Equal(2, await RunAsync("import", "entities", Path.Combine(_dataDirectory, "missing.xlsx")));
    }

    [Fact]
    public async Task Users_add_creates_a_liaison_for_a_named_unit_and_refuses_an_unknown_role()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        Assert.Equal(0, await RunAsync("users", "add", "lidu1", "--name", "李渡联络员", "--role", Roles.Liaison, "--department", "李渡街道"));
        Assert.Equal(1, await RunAsync("users", "add", "x1", "--name", "某人", "--role", "Boss"));
        Assert.Equal(1, await RunAsync("users", "add", "x2", "--name", "某人", "--role", Roles.Liaison));
        await using var db = OpenDb();
        var user = await db.Users.SingleAsync(u => u.UserName == "lidu1", Ct);
        Assert.Equal("李渡街道", (await db.Departments.SingleAsync(d => d.Id == user.DepartmentId, Ct)).Name);
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "x1" || u.UserName == "x2", Ct));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
