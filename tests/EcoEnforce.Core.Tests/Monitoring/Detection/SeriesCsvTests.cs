using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

public sealed class SeriesCsvTests
{
    private static SeriesSet Read(string text, SeriesCsvOptions? options = null) => SeriesCsv.Read(new StringReader(text), options ?? new());

    [Fact]
    public void Reads_a_timestamp_column_roles_limits_and_missing_cells()
    {
        var set = Read("时间,SO2 ,O2,Q,负荷\n2024-03-01 00:00,12.5,9.1,1000,80\n2024-03-01 01:00,,9.2,1010,81\n2024-03-01 02:00,13,9.0,990,82\n",
            new SeriesCsvOptions { LoadColumn = "负荷", Limits = new Dictionary<string, double> { ["SO2"] = 50 } });
        var so2 = set.All.Single(s => s.Name == "SO2");
        Assert.Equal(new DateTime(2024, 3, 1), so2.Start);
        Assert.Equal(TimeSpan.FromHours(1), so2.Interval);
        Assert.True(so2.IsMissing(1));
        Assert.Equal(50, so2.Limit);
        Assert.Equal(SeriesRole.Oxygen, set.All.Single(s => s.Name == "O2").Role);
        Assert.Equal(SeriesRole.Flow, set.All.Single(s => s.Name == "Q").Role);
        Assert.Equal(SeriesRole.Load, set.First(SeriesRole.Load)!.Name == "负荷" ? SeriesRole.Load : SeriesRole.Other);
    }

    [Fact]
    public void Without_a_timestamp_column_uses_the_given_start_and_interval()
    {
        var set = Read("AT,AFDP ,TEY\n1,2,3\n4,5,6\n", new SeriesCsvOptions { Start = new DateTime(2015, 1, 1), Interval = TimeSpan.FromMinutes(15) });
        Assert.Equal(["AT", "AFDP", "TEY"], set.All.Select(s => s.Name));
        Assert.Equal(new DateTime(2015, 1, 1, 0, 15, 0), set.All[0].TimeOf(1));
    }

    [Theory]
    [InlineData("time,NOX\n2024-03-01T00:00:00,1\n2024-03-01T01:00:00,abc\n", 3, "不是数字")]
    [InlineData("time,NOX\n2024-03-01T00:00:00,1\n03/01/2024 01:00,2\n", 3, "无法识别")]
    [InlineData("time,NOX\n2024-03-01 00:00,1\n2024-03-01 01:00,2\n2024-03-01 03:00,3\n", 4, "不规则")]
    [InlineData("time,NOX\n2024-03-01 00:00,1\n2024-03-01 01:00,2,3\n", 3, "个字段")]
    [InlineData("NOX\n1\n", 1, "没有时间列")]
    public void Bad_rows_are_reported_with_their_line_number(string text, int line, string message)
    {
        var e = Assert.Throws<SeriesCsvException>(() => Read(text));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"第 {line} 行", e.Message, StringComparison.Ordinal);
    }
}
