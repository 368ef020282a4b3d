using System.Globalization;

namespace EcoEnforce.Common.Excel;

/// <summary>Row heights for wrapped text. Excel grows rows to fit wrapped text only when it edits them, and
/// LibreOffice and WPS not at all, so a form whose header says 是否约谈并收承诺书 in a narrow column would print clipped.
/// The height is estimated from the text's display width (a CJK character is two columns wide) over the width of the
/// column, or of the merged range the cell starts.</summary>
internal static class RowHeights
{
    private const double PointsPerLine = 15;
    /// <summary>The 16-point title needs more than the default 15.</summary>
    private const double TitlePoints = 24;

    /// <summary>The height in points for row <paramref name="r"/>, or null when one line is enough.</summary>
    public static double? For(XlsxSheet sheet, int r)
    {
        if (sheet.ColumnWidths.Count == 0) return null;
        var lines = 1;
        var row = sheet.Rows[r];
        if (row.Any(cell => cell.Style == CellStyle.Title)) return TitlePoints;
        for (var c = 0; c < row.Count; c++)
        {
            if (row[c].Value is not string text || text.Length == 0) continue;
            var width = WidthOf(sheet, r, c);
            if (width <= 0) continue;
            lines = Math.Max(lines, (int)Math.Ceiling(DisplayWidth(text) / width));
        }
        return lines > 1 ? lines * PointsPerLine : null;
    }

    private static double WidthOf(XlsxSheet sheet, int r, int c)
    {
        var (first, last) = (c, c);
        foreach (var merge in sheet.Merges)
        {
            var parts = merge.Split(':');
            var (r1, c1) = Parse(parts[0]);
            var (r2, c2) = Parse(parts[^1]);
            if (r >= r1 && r <= r2 && c >= c1 && c <= c2)
            {
                if (c != c1 || r != r1) return 0; // covered by the merge's first cell
                (first, last) = (c1, c2);
                break;
            }
        }
        double width = 0;
        for (var i = first; i <= last; i++) width += i < sheet.ColumnWidths.Count ? sheet.ColumnWidths[i] : 8.43;
        return width - 1; // cell padding
    }

    private static (int Row, int Column) Parse(string reference)
    {
        var letters = reference.TakeWhile(char.IsLetter).Count();
        var row = int.Parse(reference[letters..], CultureInfo.InvariantCulture) - 1;
        return (row, XlsxReader.ColumnIndex(reference, 0));
    }

    private static double DisplayWidth(string text)
    {
        double width = 0;
        foreach (var ch in text) width += ch > 0x2E7F ? 2 : 1.1;
        return width;
    }
}
