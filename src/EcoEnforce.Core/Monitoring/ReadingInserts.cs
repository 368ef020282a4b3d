using System.Data.Common;
using System.Text;

namespace EcoEnforce.Monitoring;

/// <summary>Inserts readings many rows per statement: per-statement overhead, not the rows, dominates a batch of single
/// inserts. A row that already exists (a resend) is skipped by the unique key.</summary>
internal static class ReadingInserts
{
    private const int RowsPerStatement = 64;
    private static readonly string[] Columns =
        ["Mn", "MonitoringPointId", "Kind", "PollutantCode", "DataTimeUtc", "Value", "Min", "Max", "Cou", "Flag", "RawPacketId"];

    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction tx, List<object?[]> rows, CancellationToken ct)
    {
        var inserted = 0;
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                var command = count == RowsPerStatement ? full ??= Command(connection, tx, count) : Command(connection, tx, count);
                for (var r = 0; r < count; r++)
                {
                    var row = rows[start + r];
                    for (var c = 0; c < Columns.Length; c++) command.Parameters[r * Columns.Length + c].Value = row[c] ?? DBNull.Value;
                }
                inserted += await command.ExecuteNonQueryAsync(ct);
                if (command != full) await command.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
        return inserted;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, int rows)
    {
        var sql = new StringBuilder("INSERT INTO \"Readings\" (");
        sql.AppendJoin(", ", Columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        var names = new List<string>(rows * Columns.Length);
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sql.Append(", ");
            sql.Append('(');
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = $"@p{r}_{c}";
                names.Add(name);
                sql.Append(c > 0 ? ", " : "").Append(name);
            }
            sql.Append(')');
        }
        sql.Append(" ON CONFLICT (\"Mn\", \"Kind\", \"PollutantCode\", \"DataTimeUtc\") DO NOTHING");
        return ReadingStore.Prepare(connection, tx, sql.ToString(), [.. names]);
    }
}
