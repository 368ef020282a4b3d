namespace EcoEnforce.Hj212;

/// <summary>
/// Where the parts of one frame (<c>##LLLL data CRC [CR LF]</c>) are, and what is wrong with them.
/// Works on a single frame's bytes; the stream framer decides where a frame ends.
/// </summary>
public readonly record struct Hj212FrameLayout(
    int DeclaredLength,
    int DataStart,
    int DataLength,
    int CrcStart,
    int CrcLength,
    CrcCheck Crc,
    Hj212Deviations Deviations)
{
    /// <summary>The standard's limit on the data segment.</summary>
    public const int MaxDataLength = 1024;

    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> frame) => frame.Slice(DataStart, DataLength);

    public ReadOnlySpan<byte> CrcField(ReadOnlySpan<byte> frame) => frame.Slice(CrcStart, CrcLength);

    public static Hj212FrameLayout Analyze(ReadOnlySpan<byte> frame)
    {
        var deviations = Hj212Deviations.None;
        var end = frame.Length;
        if (end >= 2 && frame[end - 2] == '\r' && frame[end - 1] == '\n')
        {
            end -= 2;
        }
        else if (end >= 1 && frame[end - 1] == '\n')
        {
            end -= 1;
            deviations |= Hj212Deviations.LfOnlyTerminator;
        }
        else if (end >= 1 && frame[end - 1] == '\r')
        {
            end -= 1;
            deviations |= Hj212Deviations.CrOnlyTerminator;
        }

        var noHeader = !frame.StartsWith("##"u8);
        var pos = noHeader ? 0 : 2;
        var digits = 0;
        var declared = 0;
        while (digits < 4 && pos + digits < end && (uint)(frame[pos + digits] - '0') <= 9)
        {
            declared = declared * 10 + frame[pos + digits] - '0';
            digits++;
        }
        if (digits < 4)
        {
            deviations |= Hj212Deviations.LengthFieldInvalid;
            if (digits == 0)
            {
                declared = -1;
            }
        }
        var bodyStart = pos + digits;
        var body = frame[bodyStart..end];

        var (dataLength, crcLength) = SplitBody(body, declared);
        var truncated = declared > body.Length && !body[..dataLength].EndsWith("&&"u8);
        if (truncated)
        {
            (dataLength, crcLength) = (body.Length, 0);
        }
        var data = body[..dataLength];
        var crcField = body.Slice(dataLength, crcLength);
        var crc = CrcCheck.Evaluate(data, crcField);

        if (noHeader)
        {
            // Without "##" the rest cannot be trusted to be a frame; record only that.
            deviations = (deviations & ~Hj212Verdicts.Errors) | Hj212Deviations.NoHeader;
        }
        else if (truncated)
        {
            deviations |= Hj212Deviations.Truncated;
        }
        else
        {
            deviations |= CrcDeviations(crc);
            if (declared >= 0 && declared != dataLength)
            {
                deviations |= Hj212Deviations.LengthMismatch;
                if (declared == CountCharacters(data))
                {
                    deviations |= Hj212Deviations.LengthCountsCharacters;
                }
            }
        }
        if (dataLength > MaxDataLength && !noHeader)
        {
            deviations |= Hj212Deviations.Oversize;
        }
        return new(declared, bodyStart, dataLength, bodyStart + dataLength, crcLength, crc, deviations);
    }

    private static Hj212Deviations CrcDeviations(CrcCheck crc) => crc.Status switch
    {
        CrcStatus.Ok => crc.Lowercase ? Hj212Deviations.CrcLowercase : Hj212Deviations.None,
        CrcStatus.Missing => Hj212Deviations.CrcMissing,
        CrcStatus.Mismatch => Hj212Deviations.CrcMismatch | (crc.Lowercase ? Hj212Deviations.CrcLowercase : 0),
        _ => crc.Variant == CrcVariant.NotPadded ? Hj212Deviations.CrcNotPadded : Hj212Deviations.CrcNonstandard,
    };

    // Trust the declared length when the bytes after it are a CRC; otherwise find the data's
    // end from the closing "&&" or the trailing hex, so a wrong length still yields the packet.
    private static (int Data, int Crc) SplitBody(ReadOnlySpan<byte> body, int declared)
    {
        if (declared >= 0 && declared <= body.Length)
        {
            var rest = body[declared..];
            if (rest.IsEmpty)
            {
                return (declared, 0);
            }
            if (AllHex(rest) && (rest.Length == 4 || (rest.Length < 4 && body[..declared].EndsWith("&&"u8))))
            {
                return (declared, rest.Length);
            }
        }
        if (body.EndsWith("&&"u8))
        {
            return (body.Length, 0);
        }
        var close = body.LastIndexOf("&&"u8);
        if (close >= 0)
        {
            var tail = body[(close + 2)..];
            if (tail.Length is > 0 and <= 4 && AllHex(tail))
            {
                return (close + 2, tail.Length);
            }
        }
        if (body.Length >= 4 && AllHex(body[^4..]))
        {
            return (body.Length - 4, 4);
        }
        return (body.Length, 0);
    }

    private static bool AllHex(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
        {
            if (!CrcCheck.IsHex(b))
            {
                return false;
            }
        }
        return true;
    }

    private static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }
        return count;
    }
}
