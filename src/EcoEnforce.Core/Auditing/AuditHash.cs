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
    private static readonly byte[] Label = [.. Encoding.ASCII.GetBytes(Algorithm), 0];
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    public static string Compute(long sequence, string? prevHash, DateTime atUtc, string? actor, string? action,
        string? entityType, string? entityKey, string? before, string? after)
    {
        // One buffer per thread: verifying a million entries should not allocate a million buffers.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        buffer.Write(Label);
        Span<char> digits = stackalloc char[20];
        sequence.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        Field(buffer, digits[..written]);
        Field(buffer, prevHash);
        Span<char> time = stackalloc char[27];
        atUtc.TryFormat(time, out written, TimeFormat, CultureInfo.InvariantCulture);
        Field(buffer, time[..written]);
        Field(buffer, actor);
        Field(buffer, action);
        Field(buffer, entityType);
        Field(buffer, entityKey);
        Field(buffer, before);
        Field(buffer, after);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > 1 << 20) t_buffer = null; // a draw's pool can be megabytes; don't keep that per thread
        return Convert.ToHexStringLower(hash);
    }

    public static string Compute(AuditEntry e) =>
        Compute(e.Sequence ?? 0, e.PrevHash, e.AtUtc, e.Actor, e.Action, e.EntityType, e.EntityKey, e.Before, e.After);

    /// <summary>UTC to the microsecond, whatever the value's kind (SQLite hands back unspecified).</summary>
    public static string FormatTime(DateTime atUtc) =>
        atUtc.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Drops the tenth of a microsecond PostgreSQL would drop, so the hashed time is the stored time.</summary>
    public static DateTime ToMicroseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, value.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : value.Kind);

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), -1);
            buffer.Advance(4);
        }
        else Field(buffer, value.AsSpan());
    }

    private static void Field(ArrayBufferWriter<byte> buffer, ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), length);
        buffer.Advance(4);
        if (length > 0) buffer.Advance(Encoding.UTF8.GetBytes(value, buffer.GetSpan(length)));
    }
}
