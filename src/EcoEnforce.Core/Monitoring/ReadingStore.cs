using System.Buffers;
using System.Data.Common;
using System.Globalization;
using EcoEnforce.Data;
using EcoEnforce.Hj212;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring;

/// <summary>A frame as it arrived: when, from where, its bytes (a copy, the evidence) and how it was terminated.
/// Parsing waits for the writer, so the many frames queued for storage hold only their bytes.</summary>
public sealed record ReceivedFrame(DateTime ReceivedAtUtc, string Peer, byte[] Bytes, Hj212Terminator Terminator)
{
    public Hj212Packet Parse() => Hj212Packet.Parse(new Hj212Frame(new ReadOnlySequence<byte>(Bytes), Terminator, 0));
}

/// <summary>Writes batches of received frames in one transaction: every raw frame, the readings of data uploads
/// (a resent reading is ignored by the key), and the MNs nobody has registered yet. When <see cref="StoreAsync"/>
/// returns the batch is committed, so the receiver may acknowledge it.</summary>
/// <remarks>Plain SQL rather than EF change tracking: this is the hot path, and the same statements run on SQLite and
/// PostgreSQL (<c>ON CONFLICT</c>). Each frame is parsed, written and dropped in turn, so its objects die young;
/// raw-packet ids are reserved per batch (<see cref="RawPacketIds"/>) so no insert has to return one.</remarks>
public sealed class ReadingStore(EcoEnforceDb db)
{
    /// <param name="onParsed">Called with each frame's index and parsed packet, before the commit (the receiver
    /// prepares its answers there; they go out only after this method returns).</param>
    public async Task<int> StoreAsync(IReadOnlyList<ReceivedFrame> batch, Action<int, Hj212Packet>? onParsed, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await TuneSqliteAsync(connection, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var ids = await RawPacketIds.ReserveAsync(connection, tx, batch.Count, ct);
            await using var packets = new RawPacketInserts(connection, tx);
            await using var readings = new ReadingInserts(connection, tx);
            await using var points = new PointLookup(connection, tx);
            var unknown = new Dictionary<string, (ReceivedFrame Last, int Count)>(StringComparer.Ordinal);
            var stored = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var received = batch[i];
                var packet = received.Parse();
                onParsed?.Invoke(i, packet);
                await packets.InsertAsync(ids[i], received, packet, ct);
                if (packet.Mn is not { Length: > 0 } mn || !packet.IsValid) continue;
                var pointId = await points.IdOfAsync(mn, ct);
                if (pointId is null) unknown[mn] = (received, unknown.TryGetValue(mn, out var seen) ? seen.Count + 1 : 1);
                // A DataTime before 0001-01-01 08:00 has no UTC time: the frame is kept as evidence, without readings.
                if (ReadingKinds.Of(packet.CnCode) is not { } kind || !Hj212Time.TryParse(packet.DataTime, out var local)
                    || local < DateTime.MinValue + Common.ChinaTime.Offset) continue;
                var dataTime = DateTime.SpecifyKind(local - Common.ChinaTime.Offset, DateTimeKind.Utc);
                foreach (var item in packet.Items) stored += await readings.InsertAsync(mn, pointId, kind, item, dataTime, ids[i], ct);
            }
            await using (var upsert = UnknownDeviceUpsert(connection, tx))
            {
                foreach (var (mn, (last, count)) in unknown) await upsert.ExecuteAsync(ct, mn, last.ReceivedAtUtc, count, last.Peer);
            }
            await tx.CommitAsync(ct);
            return stored;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Readings are keyed by device and series, so every batch touches one leaf page per (MN, pollutant)
    /// series. SQLite's default 2 MB page cache holds only about 500 of them; past that each insert re-reads its page
    /// and throughput halves. 32 MB covers some 8,000 series (per connection, grown only as pages are used). Automatic
    /// checkpoints are left to the receiver's SqliteCheckpointer, so a commit does not wait for one.</summary>
    private static async Task TuneSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0;";
        await pragma.ExecuteNonQueryAsync(ct);
    }

    private static BatchStatement UnknownDeviceUpsert(DbConnection c, DbTransaction tx) => new(c, tx, """
        INSERT INTO "UnknownDevices" ("Mn", "FirstSeenUtc", "LastSeenUtc", "PacketCount", "LastPeer")
        VALUES (@mn, @at, @at, @count, @peer)
        ON CONFLICT ("Mn") DO UPDATE SET "LastSeenUtc" = excluded."LastSeenUtc",
            "PacketCount" = "UnknownDevices"."PacketCount" + excluded."PacketCount", "LastPeer" = excluded."LastPeer"
        """, "@mn", "@at", "@count", "@peer");

    public static string CrcText(CrcStatus status) => status switch
    {
        CrcStatus.Ok => "ok",
        CrcStatus.Mismatch => "mismatch",
        CrcStatus.Variant => "variant",
        _ => "missing",
    };

    /// <summary>MN → monitoring point id, looked up once per MN per batch.</summary>
    private sealed class PointLookup(DbConnection c, DbTransaction tx) : IAsyncDisposable
    {
        private readonly BatchStatement _select = new(c, tx, """SELECT "Id" FROM "MonitoringPoints" WHERE "Mn" = @mn""", "@mn");
        private readonly Dictionary<string, int?> _known = new(StringComparer.Ordinal);

        public async ValueTask<int?> IdOfAsync(string mn, CancellationToken ct)
        {
            if (_known.TryGetValue(mn, out var id)) return id;
            id = await _select.ScalarAsync(ct, mn) is { } found ? Convert.ToInt32(found, CultureInfo.InvariantCulture) : null;
            _known[mn] = id;
            return id;
        }

        public ValueTask DisposeAsync() => _select.DisposeAsync();
    }
}

public static class ReadingKinds
{
    /// <summary>The data uploads that carry readings; other commands are kept as raw packets only.</summary>
    public static ReadingKind? Of(int? cn) => cn switch
    {
        2011 => ReadingKind.RealTime,
        2051 => ReadingKind.Minute,
        2061 => ReadingKind.Hour,
        2031 => ReadingKind.Day,
        _ => null,
    };
}
