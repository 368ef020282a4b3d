using System.Data.Common;
using System.Globalization;

namespace EcoEnforce.Monitoring;

/// <summary>Reserves a block of raw-packet ids for a batch, so readings can point at their packet without each insert
/// returning its id. PostgreSQL takes the block from the identity sequence (safe with several receivers); SQLite has a
/// single writer at a time, so the block starts after the largest id, read inside the batch's own transaction.</summary>
internal static class RawPacketIds
{
    public static async Task<List<long>> ReserveAsync(DbConnection connection, DbTransaction tx, int count, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        var postgres = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal);
        command.CommandText = postgres
            ? $"""SELECT nextval(pg_get_serial_sequence('"RawPackets"', 'Id')) FROM generate_series(1, {count.ToString(CultureInfo.InvariantCulture)})"""
            : """SELECT COALESCE(MAX("Id"), 0) + 1 FROM "RawPackets" """;
        var ids = new List<long>(count);
        if (!postgres)
        {
            // The transaction is IMMEDIATE (Microsoft.Data.Sqlite's default), so no other writer can take these ids.
            var first = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++) ids.Add(first + i);
            return ids;
        }
        // Sequence values need not be contiguous when several receivers draw at once: use each one as given.
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        }
        return ids;
    }
}
