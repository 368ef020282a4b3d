using System.Data.Common;
using EcoEnforce.Hj212;

namespace EcoEnforce.Monitoring;

/// <summary>Readings, one prepared single-row statement for the batch. (Multi-row statements measured slower on
/// SQLite: Microsoft.Data.Sqlite binds parameters by name, which costs more than the statements it saves.)</summary>
internal sealed class ReadingInserts(DbConnection connection, DbTransaction tx) : IAsyncDisposable
{
    private readonly BatchStatement _insert = new(connection, tx, """
        INSERT INTO "Readings" ("Mn", "MonitoringPointId", "Kind", "PollutantCode", "DataTimeUtc", "Value", "Min", "Max", "Cou", "Flag", "RawPacketId")
        VALUES (@mn, @point, @kind, @code, @time, @value, @min, @max, @cou, @flag, @packet)
        ON CONFLICT ("Mn", "Kind", "PollutantCode", "DataTimeUtc") DO NOTHING
        """, "@mn", "@point", "@kind", "@code", "@time", "@value", "@min", "@max", "@cou", "@flag", "@packet");

    /// <summary>1 when stored, 0 for a resent reading (skipped by the key) or a status-only item (SBx-RS).</summary>
    public ValueTask<int> InsertAsync(string mn, int? pointId, ReadingKind kind, Hj212Item item, DateTime dataTimeUtc, long packetId, CancellationToken ct)
    {
        var value = kind == ReadingKind.RealTime ? item.Rtd : item.Avg ?? item.Rtd;
        if (value is null && item.Min is null && item.Max is null && item.Cou is null) return ValueTask.FromResult(0);
        return _insert.ExecuteAsync(ct, mn, pointId, kind.ToString(), item.Code2017 ?? item.Code, dataTimeUtc, value, item.Min, item.Max,
            item.Cou, item.Flag, packetId);
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}

/// <summary>Every frame as received, with its parse outcome.</summary>
internal sealed class RawPacketInserts(DbConnection connection, DbTransaction tx) : IAsyncDisposable
{
    private readonly BatchStatement _insert = new(connection, tx, """
        INSERT INTO "RawPackets" ("Id", "ReceivedAtUtc", "Peer", "Mn", "Cn", "Qn", "Bytes", "Crc", "IsValid", "Deviations", "Notes")
        VALUES (@id, @at, @peer, @mn, @cn, @qn, @bytes, @crc, @valid, @dev, @notes)
        """, "@id", "@at", "@peer", "@mn", "@cn", "@qn", "@bytes", "@crc", "@valid", "@dev", "@notes");

    public async ValueTask InsertAsync(long id, ReceivedFrame received, Hj212Packet p, CancellationToken ct) =>
        await _insert.ExecuteAsync(ct, id, received.ReceivedAtUtc, received.Peer, p.Mn, p.Cn, p.Qn, received.Bytes,
            ReadingStore.CrcText(p.Crc.Status), p.IsValid, unchecked((long)p.Deviations), p.Notes.Count == 0 ? null : string.Join("; ", p.Notes));

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}
