using System.Buffers;

namespace EcoEnforce.Hj212;

/// <summary>
/// The header fields of a data segment (<c>QN;ST;CN;PW;MN;Flag;PNUM;PNO</c>) and where CP is.
/// Parsing is tolerant of order, separators and spaces; departures land in <see cref="Deviations"/>.
/// </summary>
public readonly record struct Hj212Header(
    FieldRange Qn,
    FieldRange St,
    FieldRange Cn,
    FieldRange Pw,
    FieldRange Mn,
    FieldRange FlagText,
    FieldRange PnumText,
    FieldRange PnoText,
    FieldRange Cp,
    int CnCode,
    int Flag,
    int Pnum,
    int Pno,
    Hj212Deviations Deviations)
{
    private const int MaxCpLength = 950;

    /// <summary>The Flag value, or null when the packet has none (2005 uploads).</summary>
    public Hj212Flag? FlagBits => Flag >= 0 ? new Hj212Flag(Flag) : null;

    public static Hj212Header Parse(ReadOnlySpan<byte> data)
    {
        var deviations = Hj212Deviations.None;
        Span<FieldRange> fields = [FieldRange.Absent, FieldRange.Absent, FieldRange.Absent, FieldRange.Absent,
            FieldRange.Absent, FieldRange.Absent, FieldRange.Absent, FieldRange.Absent];

        var cp = data.IndexOf("CP=&&"u8);
        var headerEnd = cp >= 0 ? cp : data.Length;
        FieldRange cpRange;
        if (cp < 0)
        {
            deviations |= Hj212Deviations.CpMissing;
            cpRange = FieldRange.Absent;
        }
        else
        {
            if (cp > 0 && data[cp - 1] != ';' && data[cp - 1] != ',')
            {
                deviations |= Hj212Deviations.NoSeparatorBeforeCp;
            }
            var bodyStart = cp + 5;
            var closed = data.Length - 2 >= bodyStart && data.EndsWith("&&"u8);
            var bodyEnd = closed ? data.Length - 2 : data.Length;
            if (!closed)
            {
                deviations |= Hj212Deviations.CpNotClosed;
            }
            cpRange = new FieldRange(bodyStart, bodyEnd - bodyStart);
            if (bodyEnd - bodyStart + 4 > MaxCpLength)
            {
                deviations |= Hj212Deviations.CpTooLong;
            }
        }

        var lastOrder = -1;
        var pos = 0;
        var scanner = new Hj212Scanner(data, headerEnd);
        while (pos < headerEnd)
        {
            var token = scanner.Next(pos);
            pos = token.End + 1;
            if (token.Separator == ',')
            {
                deviations |= Hj212Deviations.CommaInHeader;
            }
            if (token.Eq < 0)
            {
                deviations |= Hj212Tokenizer.IsBlank(data, token) ? Hj212Deviations.EmptyField : Hj212Deviations.MalformedField;
                continue;
            }
            var key = token.HasSpace ? Trim(data, token.Start, token.Eq, ref deviations) : new FieldRange(token.Start, token.Eq - token.Start);
            var value = token.HasSpace ? Trim(data, token.Eq + 1, token.End, ref deviations) : new FieldRange(token.Eq + 1, token.End - token.Eq - 1);
            var order = KeyOrder(data, key);
            if (order < 0)
            {
                deviations |= Hj212Deviations.UnknownHeaderField;
                continue;
            }
            if (fields[order].IsPresent)
            {
                deviations |= Hj212Deviations.DuplicateField;
                continue;
            }
            if (order < lastOrder)
            {
                deviations |= Hj212Deviations.FieldOrder;
            }
            lastOrder = order;
            fields[order] = value;
        }

        var flag = -1;
        if (!fields[5].IsPresent)
        {
            deviations |= Hj212Deviations.FlagMissing;
        }
        else if (!TryParseInt(fields[5].Of(data), out flag) || flag > 255)
        {
            deviations |= Hj212Deviations.FlagMalformed;
            flag = -1;
        }
        var cn = -1;
        if (!fields[2].IsPresent)
        {
            deviations |= Hj212Deviations.CnMissing;
        }
        else if (fields[2].Length != 4 || !TryParseInt(fields[2].Of(data), out cn))
        {
            deviations |= Hj212Deviations.CnMalformed;
            cn = TryParseInt(fields[2].Of(data), out var loose) ? loose : -1;
        }
        var pnum = fields[6].IsPresent && TryParseInt(fields[6].Of(data), out var pn) ? pn : -1;
        var pno = fields[7].IsPresent && TryParseInt(fields[7].Of(data), out var po) ? po : -1;

        deviations |= CheckIdentity(data, fields[0], fields[1], fields[4]);
        deviations |= CheckSplit(flag, pnum, pno, fields[6].IsPresent || fields[7].IsPresent);
        return new(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7],
            cpRange, cn, flag, pnum, pno, deviations);
    }

    private static Hj212Deviations CheckIdentity(ReadOnlySpan<byte> data, FieldRange qn, FieldRange st, FieldRange mn)
    {
        var deviations = Hj212Deviations.None;
        if (!qn.IsPresent)
        {
            deviations |= Hj212Deviations.QnMissing;
        }
        else if (qn.Length == 0)
        {
            deviations |= Hj212Deviations.QnEmpty;
        }
        else if (qn.Length != 17 || !IsDigits(qn.Of(data)))
        {
            deviations |= Hj212Deviations.QnMalformed;
        }
        if (st.IsPresent && st.Length != 2)
        {
            deviations |= Hj212Deviations.StNonstandard;
        }
        // 2017 MN is 24 hex chars (EPC-96); 2005 MN is 14 chars. Anything else is a vendor's own.
        if (mn.IsPresent && !(mn.Length == 14 || (mn.Length == 24 && IsUpperHex(mn.Of(data)))))
        {
            deviations |= Hj212Deviations.MnNonstandard;
        }
        return deviations;
    }

    private static Hj212Deviations CheckSplit(int flag, int pnum, int pno, bool hasSplitFields)
    {
        var deviations = Hj212Deviations.None;
        var dBit = flag >= 0 && (flag & 2) != 0;
        if (hasSplitFields && !dBit)
        {
            deviations |= Hj212Deviations.PnumWithoutDBit;
        }
        if (dBit && !hasSplitFields)
        {
            deviations |= Hj212Deviations.DBitWithoutPnum;
        }
        if (hasSplitFields && (pno < 1 || pnum < 1 || pno > pnum))
        {
            deviations |= Hj212Deviations.PnoOutOfRange;
        }
        return deviations;
    }

    // The key's bytes packed little-endian with its length above them (so "QN\0" is not "QN"):
    // one integer switch, no span comparisons.
    private static int KeyOrder(ReadOnlySpan<byte> data, FieldRange key) => key.Length is < 2 or > 4 ? -1
        : (Hj212Tokenizer.Pack(data, key) | (ulong)key.Length << 32) switch
        {
            'Q' | 'N' << 8 | 2UL << 32 => 0,
            'S' | 'T' << 8 | 2UL << 32 => 1,
            'C' | 'N' << 8 | 2UL << 32 => 2,
            'P' | 'W' << 8 | 2UL << 32 => 3,
            'M' | 'N' << 8 | 2UL << 32 => 4,
            'F' | 'l' << 8 | 'a' << 16 | (ulong)'g' << 24 | 4UL << 32 => 5,
            'P' | 'N' << 8 | 'U' << 16 | (ulong)'M' << 24 | 4UL << 32 => 6,
            'P' | 'N' << 8 | 'O' << 16 | 3UL << 32 => 7,
            _ => -1,
        };

    internal static FieldRange Trim(ReadOnlySpan<byte> data, int start, int end, ref Hj212Deviations deviations)
    {
        var s = start;
        var e = end;
        while (s < e && data[s] is (byte)' ' or (byte)'\t')
        {
            s++;
        }
        while (e > s && data[e - 1] is (byte)' ' or (byte)'\t')
        {
            e--;
        }
        if (s != start || e != end)
        {
            deviations |= Hj212Deviations.Whitespace;
        }
        return new FieldRange(s, e - s);
    }

    internal static bool TryParseInt(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }
        foreach (var b in text)
        {
            if ((uint)(b - '0') > 9)
            {
                return false;
            }
            value = value * 10 + b - '0';
        }
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text) => !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    private static readonly SearchValues<byte> UpperHex = SearchValues.Create("0123456789ABCDEF"u8);

    private static bool IsUpperHex(ReadOnlySpan<byte> text) => !text.ContainsAnyExcept(UpperHex);
}
