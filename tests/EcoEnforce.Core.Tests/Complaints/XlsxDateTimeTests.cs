using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EcoEnforce.Common.Excel;
using EcoEnforce.Complaints;

namespace EcoEnforce.Core.Tests.Complaints;

/// <summary>A 12345 export saved by Excel keeps 受理时间 as a date-time cell (a serial with a fraction); the time of day
/// must survive reading, or every complaint would look like one at midnight (and so "at night").</summary>
public sealed class XlsxDateTimeTests
{
    private static MemoryStream Sheet(double serial)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            // Style 1 uses built-in number format 22 (m/d/yy h:mm), as Excel does for a date-time.
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 }, new Fills(new Fill()) { Count = 1 }, new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }) { Count = 2 });
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("受理时间")) }) { RowIndex = 1 },
                new Row(new Cell { CellReference = "A2", StyleIndex = 1, CellValue = new CellValue(serial.ToString(System.Globalization.CultureInfo.InvariantCulture)) }) { RowIndex = 2 }));
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "工单" });
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void A_date_time_cell_keeps_its_time_and_becomes_the_right_UTC_instant()
    {
        var serial = new DateTime(2022, 6, 8, 22, 15, 0).ToOADate();
        var rows = XlsxReader.ReadFirstSheet(Sheet(serial));
        Assert.Equal("2022-06-08 22:15:00", rows[1].Cells[0]);
        Assert.Equal(new DateTime(2022, 6, 8, 14, 15, 0, DateTimeKind.Utc), ComplaintRow.ParseChinaTime(rows[1].Cells[0]));
    }

    [Fact]
    public void A_plain_date_cell_still_reads_as_a_date() =>
        Assert.Equal("2022-06-08", XlsxReader.ReadFirstSheet(Sheet(new DateTime(2022, 6, 8).ToOADate()))[1].Cells[0]);
}
