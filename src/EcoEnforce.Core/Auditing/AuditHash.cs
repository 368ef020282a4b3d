using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcoEnforce.Auditing;

/// <summary>The canonical form of an audit entry and its chained hash, EcoEnforce-Audit-1 (docs/audit.md):
/// SHA-256 over the label, a zero byte, then each field as a big-endian int32 byte length (−1 for null) followed
/// by its UTF-8 bytes, in the order sequence, previous hash, time, actor, action, entity type, entity key, before,
/// after. Length prefixes keep fields apart whatever they contain; the time is written to the microsecond, the
/// precision both databases keep.</summary>
public static class AuditHash
{
    public const string Algorithm = "EcoEnforce-Audit-1";
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(long sequence, string? prevHash, DateTime atUtc, string? actor, string? action,
        string? entityType, string? entityKey, string? before, string? after)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(Encoding.ASCII.GetBytes(Algorithm));
        buffer.Write([(byte)0]);
        Field(buffer, sequence.ToString(CultureInfo.InvariantCulture));
        Field(buffer, prevHash);
        Field(buffer, FormatTime(atUtc));
        Field(buffer, actor);
        Field(buffer, action);
        Field(buffer, entityType);
        Field(buffer, entityKey);
        Field(buffer, before);
        Field(buffer, after);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    public static string Compute(AuditEntry e) =>
        Compute(e.Sequence ?? 0, e.PrevHash, e.AtUtc, e.Actor, e.Action, e.EntityType, e.EntityKey, e.Before, e.After);

    /// <summary>UTC to the microsecond, whatever the value's kind (SQLite hands back unspecified).</summary>
    public static string FormatTime(DateTime atUtc) =>
        atUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops the tenth of a microsecond PostgreSQL would drop, so the hashed time is the stored time.</summary>
    public static DateTime ToMicroseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, value.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : value.Kind);

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        var length = value is null ? -1 : Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), length);
        buffer.Advance(4);
        if (length <= 0) return;
        buffer.Advance(Encoding.UTF8.GetBytes(value, buffer.GetSpan(length)));
    }
}
