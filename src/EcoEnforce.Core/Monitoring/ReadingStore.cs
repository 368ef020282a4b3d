using System.Data.Common;
using EcoEnforce.Data;
using EcoEnforce.Hj212;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring;

/// <summary>A frame as it arrived: when, from where, and what it parsed to.</summary>
public sealed record ReceivedPacket(DateTime ReceivedAtUtc, string Peer, Hj212Packet Packet);

/// <summary>Writes batches of received packets in one transaction: every raw frame, the readings of data uploads
/// (a resent reading is ignored by the unique key), and the MNs nobody has registered yet. When
/// <see cref="StoreAsync"/> returns the batch is committed, so the receiver may acknowledge it.</summary>
/// <remarks>Plain SQL rather than EF change tracking: this is the hot path, and the same statements run on SQLite and
/// PostgreSQL (<c>ON CONFLICT</c>); raw-packet ids are reserved per batch (<see cref="RawPacketIds"/>) so no insert has to
/// return one.</remarks>
public sealed class ReadingStore(EcoEnforceDb db)
{
    public async Task<int> StoreAsync(IReadOnlyList<ReceivedPacket> batch, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var points = await PointIdsAsync(connection, tx, batch, ct);
            var ids = await RawPacketIds.ReserveAsync(connection, tx, batch.Count, ct);
            var index = 0;
            await using var insertPacket = RawPacketCommand(connection, tx);
            await insertPacket.PrepareAsync(ct);
            await using var upsertUnknown = UnknownDeviceCommand(connection, tx);
            var rows = new List<object?[]>();
            var unknown = new Dictionary<string, (ReceivedPacket Last, int Count)>(StringComparer.Ordinal);
            foreach (var received in batch)
            {
                var packet = received.Packet;
                var packetId = ids[index++];
                await InsertPacketAsync(insertPacket, packetId, received, ct);
                var kind = ReadingKinds.Of(packet.CnCode);
                if (packet.Mn is not { Length: > 0 } mn || !packet.IsValid) continue;
                int? pointId = points.TryGetValue(mn, out var id) ? id : null;
                if (pointId is null) unknown[mn] = (received, unknown.TryGetValue(mn, out var seen) ? seen.Count + 1 : 1);
                if (kind is null || !Hj212Time.TryParse(packet.DataTime, out var local)) continue;
                var dataTime = DateTime.SpecifyKind(local - Common.ChinaTime.Offset, DateTimeKind.Utc);
                foreach (var item in packet.Items)
                {
                    if (ReadingRow(mn, pointId, kind.Value, item, dataTime, packetId) is { } row) rows.Add(row);
                }
            }
            foreach (var (mn, (last, count)) in unknown) await UpsertUnknownAsync(upsertUnknown, mn, last, count, ct);
            var readings = await ReadingInserts.InsertAsync(connection, tx, rows, ct);
            await tx.CommitAsync(ct);
            return readings;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Dictionary<string, int>> PointIdsAsync(DbConnection c, DbTransaction tx, IReadOnlyList<ReceivedPacket> batch, CancellationToken ct)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var mns = batch.Select(b => b.Packet.Mn).OfType<string>().Distinct().ToList();
        await using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """SELECT "Id" FROM "MonitoringPoints" WHERE "Mn" = @mn""";
        var p = AddParameter(command, "@mn", "");
        foreach (var mn in mns)
        {
            p.Value = mn;
            if (await command.ExecuteScalarAsync(ct) is { } id) result[mn] = Convert.ToInt32(id, System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    private static DbCommand RawPacketCommand(DbConnection c, DbTransaction tx) => Prepare(c, tx, """
        INSERT INTO "RawPackets" ("Id", "ReceivedAtUtc", "Peer", "Mn", "Cn", "Qn", "Bytes", "Crc", "IsValid", "Deviations", "Notes")
        VALUES (@id, @at, @peer, @mn, @cn, @qn, @bytes, @crc, @valid, @dev, @notes)
        """, "@id", "@at", "@peer", "@mn", "@cn", "@qn", "@bytes", "@crc", "@valid", "@dev", "@notes");

    private static DbCommand UnknownDeviceCommand(DbConnection c, DbTransaction tx) => Prepare(c, tx, """
        INSERT INTO "UnknownDevices" ("Mn", "FirstSeenUtc", "LastSeenUtc", "PacketCount", "LastPeer")
        VALUES (@mn, @at, @at, @count, @peer)
        ON CONFLICT ("Mn") DO UPDATE SET "LastSeenUtc" = excluded."LastSeenUtc",
            "PacketCount" = "UnknownDevices"."PacketCount" + excluded."PacketCount", "LastPeer" = excluded."LastPeer"
        """, "@mn", "@at", "@count", "@peer");

    private static async Task InsertPacketAsync(DbCommand command, long id, ReceivedPacket received, CancellationToken ct)
    {
        var p = received.Packet;
        Set(command, id, received.ReceivedAtUtc, received.Peer, p.Mn, p.Cn, p.Qn, p.Raw.ToArray(), CrcText(p.Crc.Status), p.IsValid,
            unchecked((long)p.Deviations), p.Notes.Count == 0 ? null : string.Join("; ", p.Notes));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static object?[]? ReadingRow(string mn, int? pointId, ReadingKind kind, Hj212Item item, DateTime dataTime, long packetId)
    {
        var value = kind == ReadingKind.RealTime ? item.Rtd : item.Avg ?? item.Rtd;
        if (value is null && item.Min is null && item.Max is null && item.Cou is null) return null; // status-only items (SBx-RS)
        return [mn, pointId, kind.ToString(), item.Code2017 ?? item.Code, dataTime, value, item.Min, item.Max, item.Cou, item.Flag, packetId];
    }

    private static async Task UpsertUnknownAsync(DbCommand command, string mn, ReceivedPacket received, int count, CancellationToken ct)
    {
        Set(command, mn, received.ReceivedAtUtc, count, received.Peer);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static string CrcText(CrcStatus status) => status switch
    {
        CrcStatus.Ok => "ok",
        CrcStatus.Mismatch => "mismatch",
        CrcStatus.Variant => "variant",
        _ => "missing",
    };

    internal static DbCommand Prepare(DbConnection c, DbTransaction tx, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) AddParameter(command, name, DBNull.Value);
        return command;
    }

    internal static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
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
