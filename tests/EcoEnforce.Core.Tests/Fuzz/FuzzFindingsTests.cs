using System.IO.Compression;
using System.Text;
using EcoEnforce.Common.Excel;
using EcoEnforce.Complaints;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Comparison;
using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Fuzz;

/// <summary>Bugs the fuzzers found, kept as plain tests so they stay fixed whatever the fuzzers' budget.</summary>
public sealed class FuzzFindingsTests
{
    static FuzzFindingsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void A_comparison_time_with_no_utc_equivalent_is_a_row_error_not_a_crash()
    {
        var parsed = ComparisonTable.Read("export.csv", new MemoryStream(Encoding.UTF8.GetBytes("时间,a21026\n0001-01-01 00:00,35\n")), ReadingKind.Hour);
        Assert.Equal(["第 2 行：时间“0001-01-01 00:00”无法识别（应为 年-月-日 时:分，北京时间）"], parsed.Errors);
    }

    [Fact]
    public void A_series_whose_interval_runs_past_the_year_9999_is_an_irregular_time_error()
    {
        const string csv = "time,CO\n0001-01-01T00:00,1\n9999-12-31T23:00,1\n9999-12-31T23:00,1\n";
        var e = Assert.Throws<SeriesCsvException>(() => SeriesCsv.Read(new StringReader(csv), new SeriesCsvOptions()));
        Assert.Equal(4, e.Line);
        Assert.Contains("不规则", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complaint_received_before_utc_time_begins_is_an_unreadable_time_not_a_crash() =>
        Assert.Null(ComplaintRow.ParseChinaTime("0001-01-01 00:00"));

    [Fact]
    public void A_complaint_csv_with_a_utf8_signature_but_gbk_text_is_refused_as_an_unknown_encoding()
    {
        var bytes = (byte[])[.. Encoding.UTF8.GetPreamble(), .. Encoding.GetEncoding("GBK").GetBytes("受理时间,诉求内容\n2022-06-08 22:15,噪音\n")];
        var e = Assert.Throws<ComplaintFileException>(() => ComplaintFile.Read(new MemoryStream(bytes), "12345.csv"));
        Assert.Contains("编码", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("4294967295")]
    [InlineData("0")]
    public void A_workbook_row_number_that_is_not_an_excel_row_is_a_format_error(string rowNumber)
    {
        var xlsx = XlsxFuzzInputs.Build(FuzzTables.Registry, [new XlsxEdit(Array.IndexOf(XlsxFuzzInputs.KindNames, "row-index"), 0.5, 0, 0)], [], []);
        var patched = Patch(xlsx, "r=\"0\"", $"r=\"{rowNumber}\"");
        var e = Assert.Throws<XlsxFormatException>(() => XlsxReader.ReadFirstSheet(new MemoryStream(patched)));
        Assert.Contains("Excel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_whose_content_types_part_is_not_xml_is_a_format_error()
    {
        var xlsx = XlsxFuzzInputs.Build(FuzzTables.Registry, [], [], []);
        var patched = Patch(xlsx, "<Types", "<Tipos", "[Content_Types].xml");
        var e = Assert.Throws<XlsxFormatException>(() => XlsxReader.ReadFirstSheet(new MemoryStream(patched)));
        Assert.Contains("Excel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_workbook_with_cells_in_column_XFD_is_refused_without_making_every_row_16384_cells_wide()
    {
        var table = FuzzTables.Comparison.Take(2).Concat(Enumerable.Repeat(FuzzTables.Comparison[2], 2000)).ToArray();
        var xlsx = XlsxFuzzInputs.Build(table, [], [], []);
        xlsx = Patch(xlsx, "</row>", "<c r=\"XFD1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = ComparisonTable.Read("平台导出.xlsx", new MemoryStream(xlsx), ReadingKind.Hour);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["第 1 行：第 256 列（IV 列）之后还有内容，请删除多余的列"], parsed.Errors);
        Assert.InRange(allocated, 0, 100L * 1024 * 1024); // 2002 dense rows of 16,384 cells were 260 MB
    }

    [Fact]
    public void A_workbook_whose_sheet_names_a_missing_relationship_is_a_format_error()
    {
        var xlsx = Patch(XlsxFuzzInputs.Build(FuzzTables.Registry, [], [], []), "r:id=\"rId1\"", "r:id=\"rId9\"", "xl/workbook.xml");
        var e = Assert.Throws<XlsxFormatException>(() => XlsxReader.ReadFirstSheet(new MemoryStream(xlsx)));
        Assert.Equal("Excel 文件中没有工作表", e.Message);
    }

    /// <summary>Rewrites one part of a workbook (the sheet by default).</summary>
    private static byte[] Patch(byte[] xlsx, string from, string to, string part = "xl/worksheets/sheet1.xml")
    {
        using var copy = new MemoryStream();
        copy.Write(xlsx);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part)!;
            string text;
            using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write(text.Replace(from, to, StringComparison.Ordinal));
        }
        return copy.ToArray();
    }
}
