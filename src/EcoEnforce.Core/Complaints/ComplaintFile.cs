using System.Text;
using EcoEnforce.Common.Excel;

namespace EcoEnforce.Complaints;

public sealed class ComplaintFileException(string message) : Exception(message);

/// <summary>Reads a hotline export (.xlsx, or .csv in UTF-8 with or without BOM, or GBK/GB18030 as Excel on a Chinese
/// Windows saves it) into rows of text cells shaped like <see cref="XlsxReader"/>'s. The encoding is decided by the
/// bytes, not guessed from the name: valid UTF-8 is UTF-8, anything else is decoded as GB18030 (a superset of GBK).
/// A file that is neither (or was already garbled before it was saved) is refused rather than imported as mojibake.</summary>
public static class ComplaintFile
{
    static ComplaintFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> Read(Stream stream, string fileName)
    {
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return XlsxReader.ReadFirstSheet(stream);
            }
            catch (XlsxFormatException e)
            {
                throw new ComplaintFileException(e.Message);
            }
        }
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            throw new ComplaintFileException("只支持 .xlsx 和 .csv 文件（12345 平台导出的工单表）");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Csv.Parse(Decode(buffer.ToArray()));
    }

    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            try
            {
                return Strict(Encoding.UTF8).GetString(bytes, 3, bytes.Length - 3);
            }
            catch (DecoderFallbackException)
            {
                // A UTF-8 signature on bytes that are not UTF-8: saved half in one encoding, half in another.
                throw new ComplaintFileException(UnknownEncoding);
            }
        }
        try
        {
            return Strict(Encoding.UTF8).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: a Chinese Excel "CSV (逗号分隔)" export is GBK. GB18030 decodes every GBK file.
        }
        string text;
        try
        {
            text = Strict(Encoding.GetEncoding("GB18030")).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ComplaintFileException(UnknownEncoding);
        }
        // GB18030 maps almost any byte sequence to something; Big5, Shift-JIS or a Latin code page come out as kana,
        // Greek, box drawing and rare four-byte characters. A hotline export is Chinese, ASCII and punctuation.
        var unusual = text.Count(c => !(c < 0x80 || c is >= '\u4E00' and <= '\u9FFF' or >= '\u3000' and <= '\u303F'
            or >= '\uFF00' and <= '\uFFEF' or >= '\u2000' and <= '\u206F' or '\u00B0' or '\u00B7' or '\u00D7'));
        if (unusual > Math.Max(2, text.Length / 200)) throw new ComplaintFileException(UnknownEncoding);
        return text;
    }

    private const string UnknownEncoding = "文件编码无法识别：请另存为 UTF-8 或 GBK 编码的 CSV，或直接上传 .xlsx";

    private static Encoding Strict(Encoding e) =>
        Encoding.GetEncoding(e.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>Text that went through a wrong decoding before it reached us: U+FFFD, the GBK rendering of it (锟斤拷),
    /// or runs of Latin-1 letters where Chinese should be (UTF-8 read as Windows-1252: "æŠ•è¯‰").</summary>
    public static bool LooksGarbled(string text)
    {
        if (text.Contains('\uFFFD') || text.Contains("锟斤拷", StringComparison.Ordinal) || text.Contains("烫烫烫", StringComparison.Ordinal)) return true;
        var latin1 = text.Count(c => c is >= '\u00A1' and <= '\u024F' and not '\u00B0' and not '\u00B7' and not '\u00D7');
        return latin1 >= 2;
    }
}
