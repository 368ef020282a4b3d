using System.Text.Json;
using EcoEnforce.Cli;

namespace EcoEnforce.Web.Tests.Cli;

public sealed class TargetingCliTests : IDisposable
{
    private readonly string _csv = Path.GetTempFileName();

    public TargetingCliTests()
    {
        // Shop "risky" always has a violation, the others never; the model needs only their history to rank them.
        var lines = new List<string> { "id,day,shop,found,size" };
        var start = new DateOnly(2022, 1, 3);
        for (var d = 0; d < 120; d++)
            for (var s = 0; s < 4; s++)
                lines.Add($"{d * 4 + s},{start.AddDays(d):yyyy-MM-dd},{(s == 0 ? "risky" : $"calm{(d + s) % 7}")},{(s == 0 ? 1 : 0)},{(d * 7 + s) % 5}");
        File.WriteAllLines(_csv, lines);
    }

    public void Dispose() => File.Delete(_csv);

    private static Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => ConsoleCapture.CliAsync(args);

    [Fact]
    public async Task Backtest_prints_one_json_object_and_an_entitys_history_moves_its_violations_first()
    {
        var (exit, output, _) = await RunAsync("targeting", "backtest", "--csv", _csv, "--date", "day", "--outcome", "found",
            "--test-from", "2022-04-04", "--exclude", "id", "--entity", "shop");
        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        foreach (var key in new[] { "train_rows", "test_rows", "positives", "days_earlier", "first_half_share_baseline", "first_half_share_model" })
            Assert.True(json.TryGetProperty(key, out _), key);
        Assert.Equal((364, 116, 29), (json.GetProperty("train_rows").GetInt32(), json.GetProperty("test_rows").GetInt32(), json.GetProperty("positives").GetInt32()));
        Assert.Equal(1.0, json.GetProperty("first_half_share_model").GetDouble());
    }

    [Fact]
    public async Task An_unknown_entity_column_fails_with_a_chinese_message()
    {
        var (exit, _, error) = await RunAsync("targeting", "backtest", "--csv", _csv, "--date", "day", "--outcome", "found",
            "--test-from", "2022-04-04", "--entity", "store");
        Assert.Equal(2, exit);
        Assert.Contains("找不到对象列“store”", error);
    }
}
