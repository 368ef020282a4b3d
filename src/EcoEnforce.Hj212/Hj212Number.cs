using System.Buffers.Text;

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
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
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
