using EcoEnforce.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Backups;

/// <summary>Opens a SQLite file that is not the app's database (a backup copy, a file about to be restored) without
/// pooling, so no handle stays open once it is disposed and the file can be moved.</summary>
internal static class SqliteFiles
{
    public static EcoEnforceDb Open(string path) => new(new DbContextOptionsBuilder<EcoEnforceDb>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString())
        .Options);

    /// <summary>Null when <c>PRAGMA integrity_check</c> says ok, else its first findings.</summary>
    public static async Task<string?> IntegrityAsync(EcoEnforceDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var findings = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) findings.Add(reader.GetString(0));
        return findings is ["ok"] ? null : string.Join("；", findings.Take(5));
    }

    public static string PathOf(string? connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
}
