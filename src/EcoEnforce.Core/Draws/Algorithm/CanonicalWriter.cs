using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace EcoEnforce.Draws;

/// <summary>Hashes the canonical form as it is written: UTF-8 lines of fields separated by U+001F, list items by
/// U+001E, each line ended by U+000A. Inside a field every character below U+0020 and the backslash become
/// <c>\</c> plus two lowercase hex digits, so no field can forge a separator.</summary>
internal sealed class CanonicalWriter : IDisposable
{
    private const byte FieldSeparator = 0x1F;
    private const byte ItemSeparator = 0x1E;
    private const byte LineEnd = 0x0A;
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\\");

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _used;

    public void Field(string value)
    {
        var text = value.AsSpan();
        while (true)
        {
            var at = text.IndexOfAny(NeedsEscape);
            Utf8(at < 0 ? text : text[..at]);
            if (at < 0) return;
            var c = text[at];
            Ensure(3);
            _buffer[_used++] = (byte)'\\';
            _buffer[_used++] = (byte)"0123456789abcdef"[c >> 4];
            _buffer[_used++] = (byte)"0123456789abcdef"[c & 0xF];
            text = text[(at + 1)..];
        }
    }

    /// <summary>A set of keys: sorted ordinally, duplicates dropped, so the caller's order cannot matter.</summary>
    public void List(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0) return;
        if (keys.Count == 1)
        {
            Field(keys[0]);
            return;
        }
        if (keys.Count == 2)
        {
            // The common case of a two-person previous team, without sorting an array.
            var order = string.CompareOrdinal(keys[0], keys[1]);
            Field(order <= 0 ? keys[0] : keys[1]);
            if (order == 0) return;
            Byte(ItemSeparator);
            Field(order < 0 ? keys[1] : keys[0]);
            return;
        }
        var sorted = keys.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && string.Equals(sorted[i], sorted[i - 1], StringComparison.Ordinal)) continue;
            if (i > 0) Byte(ItemSeparator);
            Field(sorted[i]);
        }
    }

    public void Separator() => Byte(FieldSeparator);

    public void EndLine() => Byte(LineEnd);

    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private void Byte(byte b)
    {
        Ensure(1);
        _buffer[_used++] = b;
    }

    private void Ensure(int bytes)
    {
        if (_used + bytes <= _buffer.Length) return;
        Flush();
    }

    private void Utf8(ReadOnlySpan<char> text)
    {
        // At most 3 bytes per UTF-16 unit; lone surrogates become U+FFFD, as with Encoding.UTF8.
        if (text.Length * 3 <= _buffer.Length)
        {
            Ensure(text.Length * 3);
            System.Text.Unicode.Utf8.FromUtf16(text, _buffer.AsSpan(_used), out _, out var written);
            _used += written;
            return;
        }
        Flush();
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        _hash.AppendData(bytes);
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
