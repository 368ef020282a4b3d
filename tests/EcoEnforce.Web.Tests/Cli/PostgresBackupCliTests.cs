using EcoEnforce.Cli;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary><c>ecoenforce backup</c>/<c>restore</c> on PostgreSQL (pg_dump/pg_restore), on two throwaway databases of the
/// server in ECOENFORCE_TEST_PG: restored into an empty database, then over the damaged original.</summary>
public sealed class PostgresBackupCliTests : IAsyncLifetime
{
    private readonly string? _server = Environment.GetEnvironmentVariable("ECOENFORCE_TEST_PG");
    private readonly string _source = $"ee_test_{Guid.NewGuid():N}";
    private readonly string _target = $"ee_test_{Guid.NewGuid():N}";
    private readonly string _directory = Directory.CreateTempSubdirectory("ecoenforce-pgbackup-").FullName;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (_server is null) return;
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        foreach (var name in new[] { _source, _target })
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(_server) { Database = database }.ConnectionString;

    private Task<int> RunAsync(string database, params string[] args) => CliProgram.RunAsync(args, new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:EcoEnforce"] = ConnectionString(database),
        ["ECOENFORCE_ADMIN_PASSWORD"] = Infrastructure.EcoEnforceApp.AdminPassword,
    });

    /// <summary>Unpooled: an idle pooled connection of the test would block the forced restore's rename, as the running app would.</summary>
    private EcoEnforceDb Open(string database) => new(new DbContextOptionsBuilder<EcoEnforceDb>()
        .UseNpgsql(new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false }.ConnectionString, o => o.UseNetTopologySuite()).Options);

    [Fact]
    public async Task Pg_dump_backup_restores_into_an_empty_database_and_over_the_damaged_original_and_a_changed_dump_is_refused()
    {
        Assert.SkipWhen(_server is null && !Infrastructure.EcoEnforceApp.IsCi, "ECOENFORCE_TEST_PG is not set");
        Assert.NotNull(_server);
        Assert.Equal(0, await RunAsync(_source, "db", "migrate"));
        BackupProbe probe;
        await using (var db = Open(_source)) probe = await BackupProbe.PlantAsync(db, Ct);
        var backup = Path.Combine(_directory, "b1");
        Assert.Equal(0, await RunAsync(_source, "backup", "-o", backup));
        Assert.True(File.Exists(Path.Combine(backup, "ecoenforce.dump")));

        Assert.Equal(0, await RunAsync(_target, "restore", backup));
        await using (var db = Open(_target)) await probe.AssertBackAsync(db, Ct);

        await using (var db = Open(_source)) await probe.DamageAsync(db, Ct);
        Assert.Equal(1, await RunAsync(_source, "restore", backup)); // it has tables: --force is needed
        await using (var db = Open(_source)) await probe.AssertDamagedAsync(db, Ct);
        await StopAppAsync(_source);
        Assert.Equal(0, await RunAsync(_source, "restore", backup, "--force"));
        await using (var db = Open(_source)) await probe.AssertBackAsync(db, Ct);
        // The replaced database is kept under another name, damage and all.
        await using (var db = Open(Assert.Single(await DatabasesAsync(), n => n.StartsWith($"{_source}_old_", StringComparison.Ordinal))))
            await probe.AssertDamagedAsync(db, Ct);
        // The restored database is one the app can start on: its schema is current.
        await using (var db = new EcoEnforceDb(new DbContextOptionsBuilder<EcoEnforceDb>().UseNpgsql(
            new NpgsqlConnectionStringBuilder(ConnectionString(_source)) { Pooling = false }.ConnectionString,
            o => o.UseNetTopologySuite().MigrationsAssembly(DatabaseServiceCollectionExtensions.PostgresMigrations)).Options))
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));

        await using (var db = Open(_source)) await probe.DamageAsync(db, Ct);
        BackupProbe.Corrupt(Path.Combine(backup, "ecoenforce.dump"));
        Assert.Equal(1, await RunAsync(_source, "restore", backup, "--force"));
        await using (var db = Open(_source)) await probe.AssertDamagedAsync(db, Ct);

        await StopAppAsync(_source);
        // A dump that passes the manifest (re-hashed after being cut short) but that pg_restore cannot read: the
        // database beside is dropped and the original stays as it was.
        var dump = Path.Combine(backup, "ecoenforce.dump");
        await using (var stream = File.Open(dump, FileMode.Open)) stream.SetLength(stream.Length / 2);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json"), Ct))!;
        var described = await EcoEnforce.Backups.BackupManifest.DescribeAsync(backup, "ecoenforce.dump", Ct);
        manifest["files"]![0]!["sha256"] = described.Sha256;
        manifest["files"]![0]!["length"] = described.Length;
        await File.WriteAllTextAsync(Path.Combine(backup, "manifest.json"), manifest.ToJsonString(), Ct);
        Assert.Equal(1, await RunAsync(_source, "restore", backup, "--force"));
        await using (var db = Open(_source)) await probe.AssertDamagedAsync(db, Ct);
        Assert.DoesNotContain(await DatabasesAsync(), n => n.StartsWith($"{_source}_new_", StringComparison.Ordinal));
        Assert.Equal(1, await RunAsync(_target, "restore", Path.Combine(_directory, "missing")));
    }

    /// <summary>The earlier commands ran in this process, and EF keeps their connections in its own pool; an operator's
    /// CLI would have exited, and the app is stopped before a restore. End those sessions as stopping would.</summary>
    private async Task StopAppAsync(string database)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(Ct);
        await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", connection);
        terminate.Parameters.AddWithValue(database);
        await terminate.ExecuteScalarAsync(Ct);
        NpgsqlConnection.ClearAllPools();
    }

    private async Task<List<string>> DatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(Ct);
        await using var list = new NpgsqlCommand("SELECT datname FROM pg_database", connection);
        await using var reader = await list.ExecuteReaderAsync(Ct);
        var names = new List<string>();
        while (await reader.ReadAsync(Ct)) names.Add(reader.GetString(0));
        return names;
    }

    public async ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        if (_server is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        // A forced restore keeps the replaced database as {name}_old_{time}.
        var names = new List<string>();
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{_source}%' OR datname LIKE '{_target}%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
