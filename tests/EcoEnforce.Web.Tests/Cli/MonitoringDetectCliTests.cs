using System.Globalization;
using System.Text;
using System.Text.Json;
using EcoEnforce.Cli;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary><c>monitoring detect</c> on small CSV files: no database, JSON lines out, exit 2 with the line on bad input.</summary>
public sealed class MonitoringDetectCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecoenforce-detect-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Csv(string text)
    {
        var path = Path.Combine(_directory, "readings.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => ConsoleCapture.CliAsync(args);

    /// <summary>48 hourly rows of NOX from the instrument, the analyzer and the platform; rows 21–24 of the platform
    /// export were cut by 20%.</summary>
    private static string ThreeWayCsv()
    {
        var text = new StringBuilder("时间,NOX,NOX@analyzer,NOX@platform\n");
        for (var i = 0; i < 48; i++)
        {
            var value = 40 + i % 7;
            var platform = i is >= 20 and < 24 ? value * 0.8 : value;
            text.Append(CultureInfo.InvariantCulture, $"{new DateTime(2024, 3, 1).AddHours(i):yyyy-MM-dd HH:mm},{value},{value},{platform}\n");
        }
        return text.ToString();
    }

    [Fact]
    public async Task Detect_writes_a_three_way_mismatch_as_a_json_line_with_data_rows_and_chinese_unescaped()
    {
        var (exit, output, _) = await RunAsync("monitoring", "detect", "--csv", Csv(ThreeWayCsv()), "--signature", "three-way-mismatch");
        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("三方不一致", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", line, StringComparison.Ordinal);
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("three-way-mismatch", json.GetProperty("signature").GetString());
        Assert.Equal("NOX", json.GetProperty("column").GetString());
        Assert.Equal(21, json.GetProperty("first_row").GetInt32());
        Assert.Equal(24, json.GetProperty("last_row").GetInt32());
        Assert.Equal("2024-03-01T20:00:00", json.GetProperty("from").GetString());
        Assert.Equal("2024-03-01T23:00:00", json.GetProperty("to").GetString());
        Assert.InRange(json.GetProperty("score").GetDouble(), 0.5, 1);
        Assert.Contains("平台", json.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_without_a_time_column_uses_start_and_interval()
    {
        var text = string.Join('\n', ThreeWayCsv().Split('\n').Select(l => l.Length == 0 ? l : l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        var (exit, output, _) = await RunAsync("monitoring", "detect", "--csv", Csv(text), "--start", "2015-01-01T00:00", "--interval", "15m");
        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal("2015-01-01T05:00:00", json.GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("时间,NOX\n2024-03-01 00:00,1\n2024-03-01 01:00,1.5\n2024-03-01 02:00,x\n", "第 4 行")]
    [InlineData("时间,NOX\n2024-03-01 00:00,1\n2024-03-01 01:00,1.5\n2024-03-01 01:30,2\n", "不规则")]
    [InlineData("时间,NOX\n2024-03-01 00:00,1\nyesterday,1.5\n", "第 3 行")]
    public async Task A_bad_file_exits_with_2_and_names_the_line(string text, string message)
    {
        var (exit, output, error) = await RunAsync("monitoring", "detect", "--csv", Csv(text));
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--signature", "no-such-rule")]
    [InlineData("--limit", "NOX")]
    [InlineData("--load", "TEY")]
    [InlineData("--interval", "soon")]
    [InlineData("--no-such-option", "1")]
    public async Task Bad_arguments_exit_with_2(string option, string value)
    {
        var (exit, _, error) = await RunAsync("monitoring", "detect", "--csv", Csv(ThreeWayCsv()), option, value);
        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task A_missing_file_exits_with_2()
    {
        var (exit, _, error) = await RunAsync("monitoring", "detect", "--csv", Path.Combine(_directory, "none.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("文件不存在", error, StringComparison.Ordinal);
    }
}
