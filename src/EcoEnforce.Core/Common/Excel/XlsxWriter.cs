using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EcoEnforce.Common.Excel;

public enum CellStyle : uint
{
    Default = 0,
    Header = 1,
    Body = 2,
    Title = 3,
    Number = 4,
    Note = 5,
    Date = 6,
}

public sealed record XlsxCell(object? Value, CellStyle Style = CellStyle.Body);

/// <summary>One worksheet: rows of cells, column widths in characters, merged ranges like "A1:O1".</summary>
public sealed class XlsxSheet(string name)
{
    public string Name { get; } = name;
    public List<double> ColumnWidths { get; } = [];
    public List<IReadOnlyList<XlsxCell>> Rows { get; } = [];
    public List<string> Merges { get; } = [];
    public int FrozenRows { get; set; }
    public bool Landscape { get; set; }
    /// <summary>Forms print on one page width; wide data sheets (FitToWidth = false) print at full size across pages.</summary>
    public bool FitToWidth { get; set; } = true;

    public XlsxSheet Row(params XlsxCell[] cells)
    {
        Rows.Add(cells);
        return this;
    }
}

/// <summary>Writes .xlsx files with a small fixed set of styles (bordered body, bold header, title, note),
/// print set to fit the page width, so forms look like the paper ones in Excel, WPS and LibreOffice.</summary>
public static class XlsxWriter
{
    private const string BodyFont = "宋体";

    public static void Write(Stream output, params XlsxSheet[] sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook(new Sheets());
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();

        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
        }
        workbookPart.Workbook.Save();
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var worksheet = new Worksheet();
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = sheet.FitToWidth }));
        if (sheet.FrozenRows > 0)
        {
            worksheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = sheet.FrozenRows,
                TopLeftCell = $"A{sheet.FrozenRows + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
        }
        if (sheet.ColumnWidths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < sheet.ColumnWidths.Count; i++)
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = sheet.ColumnWidths[i], CustomWidth = true });
            worksheet.Append(columns);
        }
        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)r + 1 };
            if (RowHeights.For(sheet, r) is { } height)
            {
                row.Height = height;
                row.CustomHeight = true;
            }
            for (var c = 0; c < sheet.Rows[r].Count; c++)
                row.Append(Cell(sheet.Rows[r][c], $"{XlsxReader.ColumnName(c)}{r + 1}"));
            data.Append(row);
        }
        worksheet.Append(data);
        if (sheet.Merges.Count > 0)
            worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
        worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        var setup = new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = sheet.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
        };
        if (sheet.FitToWidth)
        {
            setup.FitToWidth = 1;
            setup.FitToHeight = 0;
        }
        worksheet.Append(setup);
        return worksheet;
    }

    private static Cell Cell(XlsxCell cell, string reference)
    {
        var result = new Cell { CellReference = reference, StyleIndex = (uint)cell.Style };
        switch (cell.Value)
        {
            case null:
                break;
            case int or long or decimal or double:
                result.DataType = CellValues.Number;
                result.CellValue = new CellValue(Convert.ToString(cell.Value, CultureInfo.InvariantCulture)!);
                break;
            case DateOnly date:
                result.StyleIndex = (uint)CellStyle.Date;
                result.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                break;
            default:
                result.DataType = CellValues.InlineString;
                result.InlineString = new InlineString(new Text(Convert.ToString(cell.Value, CultureInfo.InvariantCulture)!) { Space = SpaceProcessingModeValues.Preserve });
                break;
        }
        return result;
    }

    private static Stylesheet Stylesheet()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new RightBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new TopBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new DiagonalBorder());
        Alignment Align(HorizontalAlignmentValues h, bool wrap = true) =>
            new() { Horizontal = h, Vertical = VerticalAlignmentValues.Center, WrapText = wrap };
        CellFormat Format(uint font, uint fill, uint border, Alignment alignment, uint numberFormat = 0) => new(alignment)
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat,
            ApplyFont = true, ApplyFill = fill > 0, ApplyBorder = border > 0, ApplyAlignment = true, ApplyNumberFormat = numberFormat > 0,
        };

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = BodyFont }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = BodyFont }),
                new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = BodyFont })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7EEF3" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(), thin) { Count = 2 },
            new CellFormats(
                Format(0, 0, 0, Align(HorizontalAlignmentValues.General, wrap: false)),
                Format(1, 2, 1, Align(HorizontalAlignmentValues.Center)),
                Format(0, 0, 1, Align(HorizontalAlignmentValues.Left)),
                Format(2, 0, 0, Align(HorizontalAlignmentValues.Center)),
                Format(0, 0, 1, Align(HorizontalAlignmentValues.Right)),
                Format(0, 0, 0, Align(HorizontalAlignmentValues.Left)),
                Format(0, 0, 1, Align(HorizontalAlignmentValues.Center), 164)) { Count = 7 });
    }
}
