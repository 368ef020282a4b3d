using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EcoEnforce.Common.Excel;

public sealed class XlsxFormatException(string message) : Exception(message);

/// <summary>Reads the first worksheet of an .xlsx into text cells. Hostile files are bounded: a part may not
/// expand beyond <see cref="MaxCharactersInPart"/>, and at most <see cref="MaxRows"/> rows are read.</summary>
public static class XlsxReader
{
    public const long MaxCharactersInPart = 64L * 1024 * 1024;
    public const int MaxRows = 20_000;
    private const uint MaxExcelRow = 1_048_576;

    /// <summary>Rows keyed by their 1-based Excel row number; each row maps 0-based column index to text.</summary>
    public static IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> ReadFirstSheet(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or ArgumentException
            or System.Xml.XmlException)
        {
            throw new XlsxFormatException("文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板填写后上传");
        }
        using (document)
        {
            try
            {
                return Read(document);
            }
            // FormatException: an attribute the schema types (a row number, a style index) holds text that is not that type.
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException
                or InvalidOperationException or FormatException)
            {
                throw new XlsxFormatException("Excel 文件已损坏或内容过大，无法读取");
            }
        }
    }

    private static List<(int, IReadOnlyDictionary<int, string>)> Read(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new XlsxFormatException("Excel 文件中没有工作表");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new XlsxFormatException("Excel 文件中没有工作表");
        // TryGetPartById: the sheet may name a relationship the workbook does not have (GetPartById would throw).
        if (firstSheet.Id?.Value is not { } relId || !workbook.TryGetPartById(relId, out var part) || part is not WorksheetPart sheetPart)
            throw new XlsxFormatException("Excel 文件中没有工作表");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var dateStyles = DateStyleIndexes(workbook);

        var rows = new List<(int, IReadOnlyDictionary<int, string>)>();
        using var reader = OpenXmlReader.Create(sheetPart);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var index = row.RowIndex?.Value ?? (uint)(rows.Count + 1);
            if (index is 0 or > MaxExcelRow) throw new XlsxFormatException($"Excel 文件已损坏：行号 {index} 超出 1–{MaxExcelRow} 的范围");
            var number = (int)index;
            var cells = new Dictionary<int, string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var text = CellText(cell, shared, dateStyles);
                if (string.IsNullOrWhiteSpace(text)) continue;
                cells[ColumnIndex(cell.CellReference?.Value, cells.Count)] = text.Trim();
            }
            if (cells.Count == 0) continue;
            if (rows.Count >= MaxRows)
                throw new XlsxFormatException($"一次最多导入{MaxRows}行，请分批导入");
            rows.Add((number, cells));
        }
        return rows;
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.Boolean)
            return raw == "1" ? "是" : "否";
        if (cell.DataType is null && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
            // A date-time cell (a 12345 export's 受理时间) keeps its time; a plain date stays yyyy-MM-dd.
            return DateTime.FromOADate(serial) is var at && at.TimeOfDay == TimeSpan.Zero
                ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return raw;
    }

    /// <summary>Style indexes whose number format is a date, so date cells come back as yyyy-MM-dd, not serials.</summary>
    private static HashSet<uint> DateStyleIndexes(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var formats = workbook.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (formats is null) return result;
        var custom = workbook.WorkbookStylesPart!.Stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58
                || (custom.TryGetValue(id, out var code) && IsDateFormat(code));
            if (isDate) result.Add((uint)i);
        }
        return result;
    }

    private static bool IsDateFormat(string code)
    {
        var stripped = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return stripped.Contains('y', StringComparison.OrdinalIgnoreCase) || stripped.Contains('d', StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>0-based column of a reference like "AB12"; cells without a reference follow their predecessor.</summary>
    public static int ColumnIndex(string? reference, int fallback)
    {
        if (string.IsNullOrEmpty(reference)) return fallback;
        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            index = index * 26 + (ch - 'A' + 1);
            if (index > 16384) return fallback;
        }
        return index == 0 ? fallback : index - 1;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
