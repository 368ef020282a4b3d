using System.Text.Json.Nodes;
using EcoEnforce.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary><c>ecoenforce backup</c> and <c>restore</c> on SQLite: the demo database with a photo is backed up while a
/// write transaction is open, damaged, and restored; a backup with one changed byte is refused and changes nothing.</summary>
public sealed class BackupCliTests() : CliDataDirectory("backup")
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private string Backup => Path.Combine(DataDirectory, "backups", "b1");

    [Fact]
    public async Task Backup_taken_while_a_write_is_open_restores_the_data_and_evidence_after_they_were_changed()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        BackupProbe probe;
        await using (var db = OpenDb()) probe = await BackupProbe.PlantAsync(db, Ct);

        // The app is "running": a transaction holds the write lock and an uncommitted change while the backup runs.
        await using (var writer = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "ecoenforce.db")}"))
        {
            await writer.OpenAsync(Ct);
            await using var tx = (SqliteTransaction)await writer.BeginTransactionAsync(Ct);
            await using var update = writer.CreateCommand();
            update.Transaction = tx;
            update.CommandText = $"UPDATE Enterprises SET Name = '未提交的修改' WHERE Id = {probe.EntityId}";
            await update.ExecuteNonQueryAsync(Ct);
            Assert.Equal(0, await RunAsync("backup", "-o", Backup));
            await tx.RollbackAsync(Ct);
        }
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Backup, "manifest.json"), Ct))!;
        Assert.Equal("Sqlite", manifest["provider"]!.GetValue<string>());
        Assert.Equal(1, manifest["evidence"]!["count"]!.GetValue<int>());
        Assert.Contains("  ecoenforce.db\n", await File.ReadAllTextAsync(Path.Combine(Backup, "SHA256SUMS"), Ct));
        Assert.Equal(1, await RunAsync("backup", "-o", Backup)); // never into a directory that holds something

        await using (var db = OpenDb()) await probe.DamageAsync(db, Ct);
        Assert.Equal(1, await RunAsync("restore", Backup)); // the live database has data: --force is needed
        await using (var db = OpenDb()) await probe.AssertDamagedAsync(db, Ct);

        Assert.Equal(0, await RunAsync("restore", Backup, "--force"));
        SqliteConnection.ClearAllPools();
        await using (var db = OpenDb()) await probe.AssertBackAsync(db, Ct);
        // The replaced database is kept beside it, damage and all, in case the restore was the mistake.
        var kept = Assert.Single(Directory.GetFiles(DataDirectory, "ecoenforce.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        await using (var old = new EcoEnforce.Data.EcoEnforceDb(new DbContextOptionsBuilder<EcoEnforce.Data.EcoEnforceDb>().UseSqlite($"Data Source={kept}").Options))
            await probe.AssertDamagedAsync(old, Ct);
        // And the restored database is one the app can use: migrate (as a start does) accepts it.
        Assert.Equal(0, await RunAsync("db", "migrate"));
    }

    [Fact]
    public async Task Restore_into_an_empty_data_directory_needs_no_force_and_a_backup_with_one_changed_byte_is_refused()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        BackupProbe probe;
        await using (var db = OpenDb()) probe = await BackupProbe.PlantAsync(db, Ct);
        Assert.Equal(0, await RunAsync("backup", "-o", Backup));

        var fresh = Directory.CreateTempSubdirectory("ecoenforce-restore-").FullName;
        try
        {
            Assert.Equal(0, await CliProgram.RunAsync(["restore", Backup], new Dictionary<string, string?> { ["ECOENFORCE_DATA_DIR"] = fresh }));
            SqliteConnection.ClearAllPools();
            await using var restored = new EcoEnforce.Data.EcoEnforceDb(new DbContextOptionsBuilder<EcoEnforce.Data.EcoEnforceDb>()
                .UseSqlite($"Data Source={Path.Combine(fresh, "ecoenforce.db")}").Options);
            await probe.AssertBackAsync(restored, Ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(fresh, recursive: true);
        }

        await using (var db = OpenDb()) await probe.DamageAsync(db, Ct);
        BackupProbe.Corrupt(Path.Combine(Backup, "ecoenforce.db"));
        Assert.Equal(1, await RunAsync("restore", Backup, "--force"));
        await using (var db = OpenDb()) await probe.AssertDamagedAsync(db, Ct);
        Assert.Empty(Directory.GetFiles(DataDirectory, "*before-restore*"));
        Assert.Empty(Directory.GetFiles(DataDirectory, ".*restoring*"));

        File.Delete(Path.Combine(Backup, "manifest.json"));
        Assert.Equal(1, await RunAsync("restore", Backup, "--force"));
        Assert.Equal(1, await RunAsync("restore", Path.Combine(DataDirectory, "no-such-backup")));
    }
}
