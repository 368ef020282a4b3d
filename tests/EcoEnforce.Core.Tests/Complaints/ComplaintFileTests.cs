using System.Text;
using EcoEnforce.Complaints;

namespace EcoEnforce.Core.Tests.Complaints;

public sealed class ComplaintFileTests
{
    private const string Csv = "工单编号,受理时间,诉求内容,事发地址\r\nGD001,2022-06-08 22:15,\"工地夜间施工，\"\"噪音\"\"很大\",崇义街道太白大道18号\r\n";

    static ComplaintFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> Read(byte[] bytes) =>
        ComplaintFile.Read(new MemoryStream(bytes), "export.csv");

    [Fact]
    public void Reads_UTF8_with_and_without_BOM()
    {
        var plain = Read(Encoding.UTF8.GetBytes(Csv));
        var bom = Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)]);
        Assert.Equal("工单编号", plain[0].Cells[0]);
        Assert.Equal("工单编号", bom[0].Cells[0]);
        Assert.Equal("工地夜间施工，\"噪音\"很大", bom[1].Cells[2]);
    }

    [Fact]
    public void Reads_a_GBK_export_from_Chinese_Excel()
    {
        var rows = Read(Encoding.GetEncoding("GBK").GetBytes(Csv));
        Assert.Equal("受理时间", rows[0].Cells[1]);
        Assert.Equal("崇义街道太白大道18号", rows[1].Cells[3]);
    }

    [Fact]
    public void Quoted_fields_may_span_lines_and_rows_keep_their_line_numbers()
    {
        var rows = Read(Encoding.UTF8.GetBytes("受理时间,诉求内容\n2022-06-08 22:15,\"第一行\n第二行\"\n\n2022-06-09 08:00,扬尘\n"));
        Assert.Equal([1, 2, 5], rows.Select(r => r.RowNumber));
        Assert.Equal("第一行\n第二行", rows[1].Cells[1]);
    }

    [Theory]
    [InlineData("å·¥åœ°å¤œé—´æ–½å·¥")] // UTF-8 read as Windows-1252 and saved again
    [InlineData("¹¤µØÒ¹¼äÊ©¹¤")] // GBK read as Latin-1
    [InlineData("锟斤拷锟斤拷")] // U+FFFD written as UTF-8 then read as GBK
    [InlineData("工地\uFFFD施工")]
    public void Text_garbled_before_it_reached_us_is_recognised(string text) => Assert.True(ComplaintFile.LooksGarbled(text));

    [Theory]
    [InlineData("工地夜间施工，噪音约70分贝")]
    [InlineData("气温30°C，维吾尔族居民买买提·艾力反映")]
    public void Ordinary_Chinese_text_is_not_garbled(string text) => Assert.False(ComplaintFile.LooksGarbled(text));

    [Fact]
    public void A_Big5_file_is_refused_rather_than_decoded_as_GBK_mojibake()
    {
        var big5 = Encoding.GetEncoding(950).GetBytes("工單編號,受理時間,訴求內容,事發地址\r\nGD001,2022-06-08 22:15,工地夜間施工噪音擾民,崇義街道太白大道18號\r\n");
        var e = Assert.Throws<ComplaintFileException>(() => Read(big5));
        Assert.Contains("编码", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_file_types_are_refused()
    {
        var e = Assert.Throws<ComplaintFileException>(() => ComplaintFile.Read(new MemoryStream([1, 2, 3]), "export.xls"));
        Assert.Contains(".xlsx", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-06-08 22:15")]
    [InlineData("2022/6/8 22:15:00")]
    [InlineData("2022年6月8日 22:15")]
    public void Received_time_is_read_as_China_time(string text) =>
        Assert.Equal(new DateTime(2022, 6, 8, 14, 15, 0, DateTimeKind.Utc), ComplaintRow.ParseChinaTime(text));
}
