using System.Text;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Comparison;

namespace EcoEnforce.Core.Tests.Monitoring;

/// <summary>Platform exports and analyzer sheets: headers by code or Chinese name, Beijing times, GBK files, and bad
/// rows named by their line with nothing taken from the file.</summary>
public sealed class ComparisonTableTests
{
    private static ComparisonTable.Parsed Csv(string text, ReadingKind kind = ReadingKind.Hour, Encoding? encoding = null) =>
        ComparisonTable.Read("export.csv", new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text)), kind);

    [Fact]
    public void Headers_may_be_2017_codes_2005_codes_or_chinese_names_with_units_and_times_are_beijing_time()
    {
        var parsed = Csv("监测时间,二氧化硫(mg/m³),A21002,01\n2022-08-01 08:00,35.2,120,\n2022-08-01 09:00,36,118.5,6\n");
        Assert.Empty(parsed.Errors);
        Assert.Equal(["a21026", "a21002", "a21026", "a21002", "a34013"], parsed.Values.Select(v => v.PollutantCode));
        // 08:00 Beijing time is 00:00 UTC.
        Assert.Equal(new DateTime(2022, 8, 1, 0, 0, 0, DateTimeKind.Utc), parsed.Values[0].DataTimeUtc);
        Assert.Equal((2, 35.2), (parsed.Values[0].Row, parsed.Values[0].Amount));
        Assert.Equal((3, 6.0), (parsed.Values[^1].Row, parsed.Values[^1].Amount));
    }

    [Fact]
    public void A_gbk_export_reads_the_same_as_its_utf8_original()
    {
        const string text = "时间,二氧化硫,氮氧化物\r\n2022-08-01 08:00,35.2,120\r\n";
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        Assert.Equal(Csv(text).Values, Csv(text, encoding: gbk).Values);
        Assert.Equal(2, Csv(text, encoding: gbk).Values.Count);
    }

    [Theory]
    [InlineData("二氧化硫\n35\n", "第 1 行：缺少时间列")]
    [InlineData("时间,硫化物气体\n2022-08-01 08:00,1\n", "第 1 行：无法识别的监测项“硫化物气体”")]
    [InlineData("时间,二氧化硫\n2022-08-01 08:00,35\n2022-08-01 09:00,三十五\n", "第 3 行：二氧化硫的值“三十五”不是数字")]
    [InlineData("时间,二氧化硫\n2022-08-01 08:30,35\n", "第 2 行：时间 2022-08-01 08:30:00 不是整点")]
    [InlineData("时间,二氧化硫\n2022-08-01 08:00,35\n2022-08-01 08:00,36\n", "第 3 行：时间 2022-08-01 08:00 重复")]
    [InlineData("时间,二氧化硫\n08/01/2022 08:00,35\n", "第 2 行：时间“08/01/2022 08:00”无法识别")]
    [InlineData("时间,二氧化硫,a21026\n2022-08-01 08:00,35,35\n", "第 1 行：监测项“a21026”重复")]
    public void A_bad_file_yields_no_values_and_an_error_naming_the_line(string text, string error)
    {
        var parsed = Csv(text);
        Assert.Empty(parsed.Values);
        Assert.Contains(parsed.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Minute_data_must_fall_on_whole_minutes_and_empty_cells_are_simply_absent()
    {
        var parsed = Csv("时间,二氧化硫,氮氧化物\n2022-08-01 08:01,35,\n2022-08-01 08:02,,120\n", ReadingKind.Minute);
        Assert.Empty(parsed.Errors);
        Assert.Equal(2, parsed.Values.Count);
        Assert.NotEmpty(Csv("时间,二氧化硫\n2022-08-01 08:01:30,35\n", ReadingKind.Minute).Errors);
    }

    [Fact]
    public void Files_that_are_neither_xlsx_nor_csv_or_are_not_really_xlsx_are_refused()
    {
        Assert.Equal("只支持 .xlsx 或 .csv 文件", Assert.Single(ComparisonTable.Read("export.txt", new MemoryStream([1, 2]), ReadingKind.Hour).Errors));
        Assert.NotEmpty(ComparisonTable.Read("export.xlsx", new MemoryStream(Encoding.UTF8.GetBytes("时间,二氧化硫")), ReadingKind.Hour).Errors);
    }
}
