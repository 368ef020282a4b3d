namespace EcoEnforce.Hj212;

/// <summary>
/// HJ 212 times: <c>YYYYMMDDhhmmss</c>, or 17 digits with milliseconds as many devices send.
/// They are the device's local time (China, UTC+8), so the kind is left unspecified.
/// </summary>
public static class Hj212Time
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if ((text.Length != 14 && text.Length != 17) || text.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }
        var year = Number(text, 0, 4);
        var month = Number(text, 4, 2);
        var day = Number(text, 6, 2);
        var hour = Number(text, 8, 2);
        var minute = Number(text, 10, 2);
        var second = Number(text, 12, 2);
        var millisecond = text.Length == 17 ? Number(text, 14, 3) : 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        value = new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Unspecified);
        return true;
    }

    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        return text is not null && text.Length <= 17 && TryParse(System.Text.Encoding.ASCII.GetBytes(text), out value);
    }

    /// <summary>Formats as the 14-digit N14 form.</summary>
    public static string Format(DateTime time) =>
        time.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Formats as a 17-digit QN (with milliseconds).</summary>
    public static string FormatQn(DateTime time) =>
        time.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    private static int Number(ReadOnlySpan<byte> text, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++)
        {
            n = n * 10 + text[i] - '0';
        }
        return n;
    }
}
