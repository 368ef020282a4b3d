using System.Text;

namespace EcoEnforce.Hj212;

/// <summary>
/// Text from the wire. The standard says UTF-8, but Windows-era loggers send GBK, so bytes that
/// are not valid UTF-8 are read as GB18030 (a superset of GBK) and the caller is told.
/// </summary>
public static class Hj212Text
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    public static Encoding Gb18030Encoding => Gb18030.Value;

    /// <summary>Decodes ASCII or UTF-8; falls back to GB18030 and sets <paramref name="wasGb18030"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out bool wasGb18030)
    {
        wasGb18030 = false;
        if (System.Text.Ascii.IsValid(bytes))
        {
            return Encoding.ASCII.GetString(bytes);
        }
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return StrictUtf8.GetString(bytes);
        }
        wasGb18030 = true;
        return Gb18030.Value.GetString(bytes);
    }

    /// <summary>Log text sits between <c>//</c> and <c>//</c> (Table C.40); this strips them when present.</summary>
    public static string StripLogDelimiters(string text) =>
        text.Length >= 4 && text.StartsWith("//", StringComparison.Ordinal) && text.EndsWith("//", StringComparison.Ordinal)
            ? text[2..^2]
            : text;
}
