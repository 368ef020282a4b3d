using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;

namespace EcoEnforce.Hj212;

/// <summary>Parses CP numbers (<c>N14.2</c>: sign, digits, optional decimals) straight from the wire bytes.</summary>
public static class Hj212Number
{
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <remarks>
    /// Mantissa and power of ten are both exact doubles here, so the single division is correctly
    /// rounded and agrees with <see cref="double.Parse(string)"/>; anything longer falls back to it.
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value) =>
        ((uint)(text.Length - 1) < 8 && TryParseWord(Load(text), text.Length, out value)) || TryParseLong(text, out value);

    /// <summary>The number at <paramref name="range"/> of <paramref name="data"/>; with eight bytes
    /// readable there (almost always: CP ends with "&amp;&amp;"), one load instead of a span walk.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> data, FieldRange range, out double value) =>
        (uint)(range.Length - 1) < 8 && range.Start + 8 <= data.Length
            ? TryParseWord(BinaryPrimitives.ReadUInt64LittleEndian(data[range.Start..]), range.Length, out value)
                || TryParseLong(data.Slice(range.Start, range.Length), out value)
            : TryParse(data.Slice(range.Start, range.Length), out value);

    // Up to eight characters (what minute data sends: "22.06", "-0.052") as one 64-bit word: no
    // per-byte branches, so the varying position of the '.' costs no mispredictions. Anything it
    // does not recognise goes to the general loop, so results never differ. Bytes of the word
    // beyond length are ignored.
    private static bool TryParseWord(ulong word, int length, out double value)
    {
        const ulong Ones = 0x0101010101010101;
        value = 0;
        var negative = (byte)word == '-';
        if (negative || (byte)word == '+')
        {
            word >>= 8;
            length--;
        }
        if (length == 0)
        {
            return false;
        }
        var used = length == 8 ? ulong.MaxValue : (1UL << (length * 8)) - 1;
        var digits = (word ^ (Ones * '0')) & used;
        // High bit of each used byte that is not 0-9 (a carry from a byte >= 0x8A can only flag more).
        var other = ((digits + Ones * 0x76) | digits) & (Ones * 0x80) & used;
        var decimals = 0;
        if (other != 0)
        {
            var dot = BitOperations.TrailingZeroCount(other) >> 3;
            if ((other & (other - 1)) != 0 || (byte)(word >> (dot * 8)) != '.' || length == 1)
            {
                return false;
            }
            // Drop the '.': keep the bytes below it, shift the ones above it down by one.
            var below = (1UL << (dot * 8)) - 1;
            length--;
            decimals = length - dot;
            digits = ((digits & below) | ((digits >> 8) & ~below)) & ((1UL << (length * 8)) - 1);
        }
        // Right-align (leading zero digits in the low bytes), then combine pairs, quads, octets.
        digits <<= (8 - length) * 8;
        digits = ((digits * (1 + (10UL << 8))) >> 8) & 0x00FF00FF00FF00FF;
        digits = ((digits * (1 + (100UL << 16))) >> 16) & 0x0000FFFF0000FFFF;
        var mantissa = (digits * (1 + (10000UL << 32))) >> 32;
        var result = decimals > 0 ? mantissa / Pow10[decimals] : mantissa;
        value = negative ? -result : result;
        return true;
    }

    // 1–8 bytes little-endian into one word without reading past the span (overlapping loads).
    private static ulong Load(ReadOnlySpan<byte> text)
    {
        var length = text.Length;
        if (length >= 4)
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(text)
                | (ulong)BinaryPrimitives.ReadUInt32LittleEndian(text[(length - 4)..]) << ((length - 4) * 8);
        }
        return text[0] | (ulong)text[length >> 1] << ((length >> 1) * 8) | (ulong)text[length - 1] << ((length - 1) * 8);
    }

    internal static bool TryParseLong(ReadOnlySpan<byte> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }
        ulong mantissa = 0;
        var digits = 0;
        var decimals = -1;
        for (; i < text.Length; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d <= 9)
            {
                mantissa = mantissa * 10 + d;
                digits++;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (text[i] == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                return Fallback(text, out value);
            }
        }
        if (digits == 0 || digits > 15 || decimals > 22)
        {
            return Fallback(text, out value);
        }
        var result = decimals > 0 ? mantissa / Pow10[decimals] : mantissa;
        value = negative ? -result : result;
        return true;
    }

    private static bool Fallback(ReadOnlySpan<byte> text, out double value) =>
        Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length && text.Length > 0;
}
