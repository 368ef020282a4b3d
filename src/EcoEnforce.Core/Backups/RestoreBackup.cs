using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EcoEnforce.Backups;

/// <summary><c>ecoenforce restore DIR</c>: checks every file of the backup against its manifest before anything is
/// touched, refuses a database that already holds data unless forced, and swaps the data in whole. SQLite: the copy
/// is checked (integrity, schema version, evidence hashes) beside the live file and renamed over it; the replaced
/// file is kept as <c>ecoenforce.db.before-restore-…</c>. PostgreSQL: pg_restore in a single transaction, so a
/// failure leaves the database as it was. The app must be stopped while restoring.</summary>
public static class RestoreBackup
{
    public sealed record Command(string BackupDirectory, bool Force);

    /// <summary>What was restored; <see cref="PreviousCopy"/> is where the replaced SQLite file was kept.</summary>
    public sealed record Outcome(BackupManifest Manifest, string Target, string? PreviousCopy);

    public sealed class Handler(EcoEnforceDb db, DatabaseOptions options, TimeProvider clock, IConfiguration? config = null)
    {
        public async Task<Result<Outcome>> HandleAsync(Command command, IProgress<string>? progress, CancellationToken ct)
        {
            var source = Path.GetFullPath(command.BackupDirectory);
            if (!Directory.Exists(source)) return Fail("Backup", $"备份目录 {source} 不存在");
            var manifest = await BackupManifest.ReadAsync(source, ct);
            if (manifest is null) return Fail("Backup", $"{source} 不是有效的备份目录：缺少或无法读取 {BackupManifest.FileName}");
            progress?.Report("校验备份文件的 SHA-256");
            foreach (var file in manifest.Files)
            {
                var path = Path.Combine(source, file.Path);
                if (!File.Exists(path)) return Fail("Backup", $"备份不完整：缺少文件 {file.Path}，拒绝恢复");
                var actual = await BackupManifest.DescribeAsync(source, file.Path, ct);
                if (actual.Length != file.Length || !string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                    return Fail("Backup", $"备份文件 {file.Path} 已损坏或被改动（SHA-256 与清单不符），拒绝恢复");
            }
            if (manifest.Provider != options.Provider)
                return Fail("Provider", $"这是 {manifest.Provider} 数据库的备份，当前配置的是 {options.Provider}：不能跨数据库恢复");
            if (manifest.LastMigration is { } migration && !db.Database.GetMigrations().Contains(migration))
                return Fail("Version", $"备份来自更新版本的程序（数据库结构 {migration}，程序 {manifest.AppVersion}），请先升级本程序再恢复");
            return options.Provider == DatabaseProvider.Postgres
                ? await RestorePostgresAsync(source, manifest, command.Force, progress, ct)
                : await RestoreSqliteAsync(source, manifest, command.Force, progress, ct);
        }

        private async Task<Result<Outcome>> RestoreSqliteAsync(string source, BackupManifest manifest, bool force, IProgress<string>? progress, CancellationToken ct)
        {
            var file = manifest.Files.FirstOrDefault(f => f.Path == CreateBackup.SqliteFile);
            if (file is null) return Fail("Backup", $"备份中没有 {CreateBackup.SqliteFile}");
            var target = SqliteFiles.PathOf(db.Database.GetConnectionString());
            var occupied = File.Exists(target) && new FileInfo(target).Length > 0;
            if (occupied && !force) return Fail("Target", $"目标数据库 {target} 已有数据；确认用备份覆盖请加 --force（原文件会保留一份）");

            var directory = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(directory);
            // Same directory as the target, so the final rename is atomic and never crosses file systems.
            var incoming = Path.Combine(directory, $".{Path.GetFileName(target)}.restoring-{Guid.NewGuid():N}");
            try
            {
                progress?.Report("复制并检查备份数据库");
                File.Copy(Path.Combine(source, file.Path), incoming);
                await using (var copy = SqliteFiles.Open(incoming))
                {
                    if (await SqliteFiles.IntegrityAsync(copy, ct) is { } integrity)
                        return Fail("Backup", $"备份数据库完整性检查失败：{integrity}");
                    var mismatch = DatabaseContents.Compare(manifest, await DatabaseContents.LastMigrationAsync(copy, ct), await DatabaseContents.EvidenceAsync(copy, ct));
                    if (mismatch is not null) return Fail("Backup", mismatch);
                    await copy.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                }
                SqliteConnection.ClearAllPools();
                string? previous = null;
                if (occupied || File.Exists(target))
                {
                    // The old -wal/-shm must go with the old file: left behind, SQLite would replay them into the new one.
                    previous = $"{target}.before-restore-{clock.GetUtcNow().UtcDateTime:yyyyMMddHHmmss}";
                    foreach (var suffix in new[] { "-wal", "-shm", "" })
                        if (File.Exists(target + suffix)) File.Move(target + suffix, previous + suffix);
                }
                File.Move(incoming, target);
                return Result<Outcome>.Ok(new Outcome(manifest, target, previous));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                    if (File.Exists(incoming + suffix)) File.Delete(incoming + suffix);
            }
        }

        private async Task<Result<Outcome>> RestorePostgresAsync(string source, BackupManifest manifest, bool force, IProgress<string>? progress, CancellationToken ct)
        {
            var file = manifest.Files.FirstOrDefault(f => f.Path == CreateBackup.PostgresFile);
            if (file is null) return Fail("Backup", $"备份中没有 {CreateBackup.PostgresFile}");
            var tools = PgTools.Find(config, db.Database.GetConnectionString()!);
            if (tools is null) return Fail("pg_restore", "找不到 pg_dump/pg_restore：请安装与服务器同版本的 PostgreSQL 客户端，或设置 Backup__PgBinDirectory");
            // The check and the swap use unpooled connections of their own: an idle pooled one would block the rename.
            var restore = new PostgresRestore(tools, manifest, Path.Combine(source, file.Path), clock, progress);
            var occupied = await restore.HasTablesAsync(ct);
            if (!occupied)
            {
                var error = await restore.IntoAsync(tools, ct);
                return error is null ? Result<Outcome>.Ok(new Outcome(manifest, tools.Database, null)) : Fail("pg_restore", error);
            }
            if (!force) return Fail("Target", $"目标数据库 {tools.Database} 已有数据表；确认用备份覆盖请加 --force（原数据库会改名保留）");
            var swapped = await restore.BesideAndSwapAsync(ct);
            return swapped.Succeeded ? Result<Outcome>.Ok(new Outcome(manifest, tools.Database, swapped.Value)) : Result<Outcome>.Fail(swapped.Errors);
        }

        private static Result<Outcome> Fail(string field, string message) => Result<Outcome>.Fail(field, message);
    }
}
