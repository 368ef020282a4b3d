using System.IO.Compression;
using EcoEnforce.Common.Excel;

namespace EcoEnforce.Core.Tests.Common;

public sealed class XlsxTests
{
    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        var sheet = new XlsxSheet("表");
        sheet.Row(new XlsxCell("名称", CellStyle.Header), new XlsxCell("数量", CellStyle.Header), new XlsxCell("日期", CellStyle.Header));
        sheet.Row(new XlsxCell("涪陵区生态环境局"), new XlsxCell(3.5, CellStyle.Number), new XlsxCell(new DateOnly(2022, 7, 1)));
        sheet.Row(new XlsxCell(null), new XlsxCell(null), new XlsxCell("  有空格  "));
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheet);
        stream.Position = 0;

        var rows = XlsxReader.ReadFirstSheet(stream);
        Assert.Equal(3, rows.Count);
        Assert.Equal("涪陵区生态环境局", rows[1].Cells[0]);
        Assert.Equal("3.5", rows[1].Cells[1]);
        Assert.Equal("2022-07-01", rows[1].Cells[2]);
        Assert.False(rows[2].Cells.ContainsKey(0));
        Assert.Equal("有空格", rows[2].Cells[2]);
        Assert.Equal(3, rows[2].RowNumber);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names_and_indexes_round_trip(int index, string name)
    {
        Assert.Equal(name, XlsxReader.ColumnName(index));
        Assert.Equal(index, XlsxReader.ColumnIndex(name + "12", -1));
    }

    [Fact]
    public void Random_bytes_are_rejected_with_a_chinese_message_never_another_exception()
    {
        var random = new Random(212);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 4) { bytes[0] = 0x50; bytes[1] = 0x4B; bytes[2] = 3; bytes[3] = 4; } // zip magic
            var e = Assert.Throws<XlsxFormatException>(() => XlsxReader.ReadFirstSheet(new MemoryStream(bytes)));
            Assert.Contains("Excel", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_rejected()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("不是工作簿");
        }
        stream.Position = 0;
        Assert.Throws<XlsxFormatException>(() => XlsxReader.ReadFirstSheet(stream));
    }

    [Fact]
    public void Truncated_workbooks_are_rejected()
    {
        var sheet = new XlsxSheet("表").Row(new XlsxCell("a"), new XlsxCell("b"));
        using var full = new MemoryStream();
        XlsxWriter.Write(full, sheet);
        var bytes = full.ToArray();
        for (var cut = 10; cut < bytes.Length; cut += bytes.Length / 15)
            Assert.Throws<XlsxFormatException>(() => XlsxReader.ReadFirstSheet(new MemoryStream(bytes[..cut])));
    }
}

public sealed class RowHeightTests
{
    [Fact]
    public void Long_Chinese_text_in_a_narrow_column_gets_a_taller_row_and_short_text_keeps_the_default()
    {
        var sheet = new XlsxSheet("t");
        sheet.ColumnWidths.AddRange([8, 30]);
        sheet.Row(new XlsxCell("是否约谈并收承诺书", CellStyle.Header), new XlsxCell("短"));
        sheet.Row(new XlsxCell("是"), new XlsxCell("否"));
        sheet.Row(new XlsxCell("涪陵区2022年水污染防治专项执法现场检查工作情况报表", CellStyle.Title));
        sheet.Merges.Add("A3:B3");
        Assert.Equal(45, RowHeights.For(sheet, 0)); // 18 columns of text over 7 → 3 lines
        Assert.Null(RowHeights.For(sheet, 1));
        Assert.Equal(24, RowHeights.For(sheet, 2));
    }
}
