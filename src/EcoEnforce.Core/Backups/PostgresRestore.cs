using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EcoEnforce.Backups;

/// <summary>pg_restore in one transaction. Over a database that holds data it restores into a new database beside it,
/// checks that one, and only then swaps the names: the old database is kept as <c>NAME_old_yyyyMMddHHmmss</c>, and a
/// failure anywhere leaves the original untouched. (<c>pg_restore --clean</c> cannot be used: it fails on the
/// partitioned Readings table.) Needs a role that may create and rename databases, and no other connections.</summary>
internal sealed class PostgresRestore(PgTools tools, BackupManifest manifest, string dump, TimeProvider clock, IProgress<string>? progress)
{
    /// <summary>Tables of extensions (PostGIS's spatial_ref_sys, there when template1 has PostGIS) are not data.</summary>
    public async Task<bool> HasTablesAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(tools.ConnectionString(pooling: false));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e'))
            """, connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Restores into the tool's database and checks the result; a Chinese error, or null.</summary>
    public async Task<string?> IntoAsync(PgTools target, CancellationToken ct)
    {
        progress?.Report($"运行 pg_restore 到 {target.Database}（单一事务）");
        var error = await target.RunAsync("pg_restore",
            ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", $"--dbname={target.Database}", dump], ct);
        if (error is not null) return $"pg_restore 失败：{error}";
        progress?.Report("核对恢复后的证据文件");
        await using var restored = new EcoEnforceDb(new DbContextOptionsBuilder<EcoEnforceDb>()
            .UseNpgsql(target.ConnectionString(pooling: false), o => o.UseNetTopologySuite()).Options);
        return DatabaseContents.Compare(manifest, await DatabaseContents.LastMigrationAsync(restored, ct), await DatabaseContents.EvidenceAsync(restored, ct));
    }

    /// <summary>Restores beside the live database and swaps; returns the name the old database was kept under.</summary>
    public async Task<Result<string>> BesideAndSwapAsync(CancellationToken ct)
    {
        var name = tools.Database;
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var stem = name.Length > 44 ? name[..44] : name; // PostgreSQL names are at most 63 bytes
        var (incoming, previous) = ($"{stem}_new_{stamp}", $"{stem}_old_{stamp}");
        await using var admin = new NpgsqlConnection(tools.For("postgres").ConnectionString(pooling: false));
        await admin.OpenAsync(ct);
        try
        {
            await ExecuteAsync(admin, $"CREATE DATABASE {Quote(incoming)}", ct);
        }
        catch (PostgresException e)
        {
            return Result<string>.Fail("pg_restore", $"无法新建临时数据库 {incoming}（{e.MessageText}）：覆盖恢复需要 CREATEDB 权限；也可新建空库恢复后再切换连接字符串");
        }
        var swapped = false;
        try
        {
            if (await IntoAsync(tools.For(incoming), ct) is { } error) return Result<string>.Fail("pg_restore", $"{error}；原数据库未改动");
            progress?.Report($"切换数据库：{name} → {previous}，{incoming} → {name}");
            NpgsqlConnection.ClearAllPools(); // this process's own idle connections (earlier commands, checks)
            try
            {
                await ExecuteAsync(admin, $"ALTER DATABASE {Quote(name)} RENAME TO {Quote(previous)}", ct);
            }
            catch (PostgresException e)
            {
                return Result<string>.Fail("Target", $"无法改名原数据库 {name}（{e.MessageText}；连接：{await SessionsAsync(admin, name)}）：请先停止网站和接收程序；原数据库未改动");
            }
            try
            {
                await ExecuteAsync(admin, $"ALTER DATABASE {Quote(incoming)} RENAME TO {Quote(name)}", CancellationToken.None);
            }
            catch (PostgresException)
            {
                await ExecuteAsync(admin, $"ALTER DATABASE {Quote(previous)} RENAME TO {Quote(name)}", CancellationToken.None);
                throw;
            }
            swapped = true;
            return Result<string>.Ok(previous);
        }
        finally
        {
            if (!swapped)
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Quote(incoming)} WITH (FORCE)", CancellationToken.None);
            }
        }
    }

    /// <summary>Who else is connected, so the operator knows what to stop.</summary>
    private static async Task<string> SessionsAsync(NpgsqlConnection admin, string database)
    {
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(nullif(application_name, ''), '?') || '@' || coalesce(host(client_addr), 'local') || ' ×' || count(*)
            FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY application_name, client_addr
            """, admin);
        command.Parameters.AddWithValue(database);
        var sessions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sessions.Add(reader.GetString(0));
        return sessions.Count == 0 ? "无" : string.Join("、", sessions);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
