using System.Data.Common;

namespace EcoEnforce.Monitoring;

/// <summary>Inserts readings with one prepared single-row statement. (Multi-row statements measured slower on SQLite:
/// Microsoft.Data.Sqlite binds parameters by name, which costs more than the statements it saves.) A row that already
/// exists (a resend) is skipped by the unique key.</summary>
internal static class ReadingInserts
{
    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction tx, List<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        await using var command = ReadingStore.Prepare(connection, tx, """
            INSERT INTO "Readings" ("Mn", "MonitoringPointId", "Kind", "PollutantCode", "DataTimeUtc", "Value", "Min", "Max", "Cou", "Flag", "RawPacketId")
            VALUES (@mn, @point, @kind, @code, @time, @value, @min, @max, @cou, @flag, @packet)
            ON CONFLICT ("Mn", "Kind", "PollutantCode", "DataTimeUtc") DO NOTHING
            """, "@mn", "@point", "@kind", "@code", "@time", "@value", "@min", "@max", "@cou", "@flag", "@packet");
        await command.PrepareAsync(ct);
        var inserted = 0;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++) command.Parameters[c].Value = row[c] ?? DBNull.Value;
            inserted += await command.ExecuteNonQueryAsync(ct);
        }
        return inserted;
    }
}
