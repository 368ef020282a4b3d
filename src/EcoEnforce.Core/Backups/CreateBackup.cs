using System.Data;
using System.Reflection;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EcoEnforce.Backups;

/// <summary><c>ecoenforce backup -o DIR</c>: a consistent copy of the whole database — evidence files included, they
/// live in it — taken while the app keeps running. SQLite uses the online backup API; PostgreSQL pg_dump in custom
/// format inside an exported snapshot, so the manifest's figures describe exactly what was dumped. The files are
/// written to a sibling staging directory and moved into place at the end: DIR never holds half a backup.</summary>
public static class CreateBackup
{
    public const string SqliteFile = "ecoenforce.db";
    public const string PostgresFile = "ecoenforce.dump";

    public sealed record Command(string OutputDirectory);

    public sealed class Handler(EcoEnforceDb db, DatabaseOptions options, TimeProvider clock, IConfiguration? config = null)
    {
        public async Task<Result<BackupManifest>> HandleAsync(Command command, IProgress<string>? progress, CancellationToken ct)
        {
            var target = Path.GetFullPath(command.OutputDirectory);
            if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
                return Result<BackupManifest>.Fail("Output", $"备份目录 {target} 已存在且不为空，请指定新的目录");
            var parent = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(parent);
            var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            try
            {
                var taken = options.Provider == DatabaseProvider.Postgres
                    ? await DumpPostgresAsync(staging, progress, ct)
                    : await CopySqliteAsync(staging, progress, ct);
                if (!taken.Succeeded) return Result<BackupManifest>.Fail(taken.Errors);
                var (file, lastMigration, evidence) = taken.Value;
                progress?.Report("计算校验和");
                var manifest = new BackupManifest(BackupManifest.CurrentFormat, AppVersion, clock.GetUtcNow().UtcDateTime,
                    options.Provider, lastMigration, evidence, [await BackupManifest.DescribeAsync(staging, file, ct)]);
                await manifest.WriteAsync(staging, ct);
                if (Directory.Exists(target)) Directory.Delete(target);
                Directory.Move(staging, target);
                return Result<BackupManifest>.Ok(manifest);
            }
            finally
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            }
        }

        private async Task<Result<(string, string?, EvidenceSummary)>> CopySqliteAsync(string staging, IProgress<string>? progress, CancellationToken ct)
        {
            progress?.Report("复制 SQLite 数据库（在线备份，不影响正在运行的网站）");
            var copy = Path.Combine(staging, SqliteFile);
            var copyConnection = new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString();
            await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            await using (var destination = new SqliteConnection(copyConnection))
            {
                await source.OpenAsync(ct);
                source.BackupDatabase(destination);
                await destination.OpenAsync(ct);
                // A single self-contained file: the copy inherits WAL mode, which would need -wal/-shm files beside it.
                await using var rollback = destination.CreateCommand();
                rollback.CommandText = "PRAGMA journal_mode=DELETE;";
                await rollback.ExecuteNonQueryAsync(ct);
            }
            // The figures come from the copy itself, so they describe exactly what was saved.
            progress?.Report("核对备份副本中的证据文件");
            await using var snapshot = SqliteFiles.Open(copy);
            var integrity = await SqliteFiles.IntegrityAsync(snapshot, ct);
            if (integrity is not null) return Result<(string, string?, EvidenceSummary)>.Fail("Database", $"备份副本完整性检查失败：{integrity}");
            return Result<(string, string?, EvidenceSummary)>.Ok((SqliteFile, await DatabaseContents.LastMigrationAsync(snapshot, ct), await DatabaseContents.EvidenceAsync(snapshot, ct)));
        }

        private async Task<Result<(string, string?, EvidenceSummary)>> DumpPostgresAsync(string staging, IProgress<string>? progress, CancellationToken ct)
        {
            var tools = PgTools.Find(config, db.Database.GetConnectionString()!);
            if (tools is null)
                return Result<(string, string?, EvidenceSummary)>.Fail("pg_dump", "找不到 pg_dump/pg_restore：请安装与服务器同版本的 PostgreSQL 客户端，或设置 Backup__PgBinDirectory");
            // pg_dump joins this transaction's snapshot: the figures read here and the dump see the same data.
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var snapshotId = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(ct);
            progress?.Report("核对证据文件");
            var lastMigration = await DatabaseContents.LastMigrationAsync(db, ct);
            var evidence = await DatabaseContents.EvidenceAsync(db, ct);
            progress?.Report("运行 pg_dump（自定义格式）");
            var error = await tools.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshotId}",
                $"--file={Path.Combine(staging, PostgresFile)}", tools.Database], ct);
            await tx.RollbackAsync(ct);
            return error is null
                ? Result<(string, string?, EvidenceSummary)>.Ok((PostgresFile, lastMigration, evidence))
                : Result<(string, string?, EvidenceSummary)>.Fail("pg_dump", $"pg_dump 失败：{error}");
        }
    }

    public static string AppVersion =>
        typeof(CreateBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
