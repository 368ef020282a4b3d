using System.Text;

namespace EcoEnforce.Hj212;

/// <summary>
/// Writes frames: <c>##</c>, the data segment's UTF-8 byte count, the segment, the Appendix A CRC
/// in uppercase hex, CR LF. Rejects what the standard cannot carry (there is no escaping).
/// </summary>
public static class Hj212Builder
{
    /// <summary>Wraps a data segment in a frame. Throws when it exceeds 1024 bytes.</summary>
    public static byte[] Frame(string dataSegment)
    {
        ArgumentNullException.ThrowIfNull(dataSegment);
        return Frame(Encoding.UTF8.GetBytes(dataSegment));
    }

    public static byte[] Frame(ReadOnlySpan<byte> data)
    {
        if (data.Length > Hj212FrameLayout.MaxDataLength)
        {
            throw new ArgumentException($"A data segment is at most {Hj212FrameLayout.MaxDataLength} bytes; this one is {data.Length}.", nameof(data));
        }
        var frame = new byte[data.Length + 12];
        WriteFrame(data, frame);
        return frame;
    }

    /// <summary>Writes a frame into <paramref name="destination"/> (data length + 12 bytes) without allocating.</summary>
    public static int WriteFrame(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        "##"u8.CopyTo(destination);
        var n = data.Length;
        destination[2] = (byte)('0' + n / 1000 % 10);
        destination[3] = (byte)('0' + n / 100 % 10);
        destination[4] = (byte)('0' + n / 10 % 10);
        destination[5] = (byte)('0' + n % 10);
        data.CopyTo(destination[6..]);
        Hj212Crc.Format(Hj212Crc.Compute(data), destination.Slice(6 + n, 4));
        "\r\n"u8.CopyTo(destination[(10 + n)..]);
        return n + 12;
    }

    /// <summary>
    /// Builds a data segment in the standard's field order. Null fields are left out (2005 uploads
    /// have no QN or Flag). Values must be ASCII without <c>; , = &amp;</c>; only <c>-Info</c> may carry UTF-8 text.
    /// </summary>
    public static string DataSegment(Hj212HeaderValues header, IEnumerable<KeyValuePair<string, string>> cp)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(cp);
        var sb = new StringBuilder(256);
        Append(sb, "QN", header.Qn);
        Append(sb, "ST", header.St);
        Append(sb, "CN", header.Cn);
        Append(sb, "PW", header.Pw);
        Append(sb, "MN", header.Mn);
        Append(sb, "Flag", header.Flag?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(sb, "PNUM", header.Pnum?.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        Append(sb, "PNO", header.Pno?.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        sb.Append("CP=&&");
        string? previousCode = null;
        var first = true;
        foreach (var (key, value) in cp)
        {
            Check(key, text: false);
            Check(value, text: key.EndsWith("-Info", StringComparison.Ordinal));
            var dash = key.IndexOf('-', StringComparison.Ordinal);
            var code = dash < 0 ? null : key[..dash];
            if (!first)
            {
                // Fields of one factor are joined by ',', items by ';' (§6.3.3).
                sb.Append(code is not null && code == previousCode ? ',' : ';');
            }
            sb.Append(key).Append('=').Append(value);
            previousCode = code;
            first = false;
        }
        sb.Append("&&");
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        Check(value, text: false);
        sb.Append(name).Append('=').Append(value).Append(';');
    }

    private static void Check(string value, bool text)
    {
        foreach (var c in value)
        {
            if (c is ';' or ',' or '=' or '&' or '\r' or '\n')
            {
                throw new ArgumentException($"'{value}' contains '{c}', which HJ 212 reserves and cannot escape.", nameof(value));
            }
            if (c > 127 && !text)
            {
                throw new ArgumentException($"'{value}' is not ASCII; only -Info text may carry UTF-8.", nameof(value));
            }
        }
    }
}

/// <summary>Header values for <see cref="Hj212Builder.DataSegment"/>; null leaves a field out.</summary>
public sealed record Hj212HeaderValues(string? Qn, string? St, string? Cn, string? Pw, string? Mn, int? Flag, int? Pnum = null, int? Pno = null);
