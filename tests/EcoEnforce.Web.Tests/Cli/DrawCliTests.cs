using System.Text.Json.Nodes;
using EcoEnforce.Cli;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary><c>ecoenforce draws run</c> against its own SQLite data directory, and <c>draws verify</c> on the export as an
/// outside auditor would run it: untouched it passes, changed anywhere it fails.</summary>
public sealed class DrawCliTests() : CliDataDirectory("draw")
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Draws_run_exports_a_draw_that_verify_accepts_untouched_and_rejects_when_a_pool_row_is_changed()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        int water;
        await using (var db = OpenDb())
        {
            water = await db.DrawRuleSets.Where(r => r.Name == "2022年水专项季度抽查").Select(r => r.Id).FirstAsync(Ct);
        }
        var export = Path.Combine(DataDirectory, "draw.json");
        Assert.Equal(0, await RunAsync("draws", "run", "--rule-set", $"{water}", "--year", "2022", "--quarter", "1", "--export", export));
        Assert.Equal(0, await RunAsync("draws", "verify", export));

        var json = JsonNode.Parse(await File.ReadAllTextAsync(export, Ct))!;
        json["pool"]![0]!["stratum"] = json["pool"]![0]!["stratum"]!.GetValue<string>() == "Special" ? "Ordinary" : "Special";
        var tampered = Path.Combine(DataDirectory, "tampered.json");
        await File.WriteAllTextAsync(tampered, json.ToJsonString(), Ct);
        Assert.Equal(1, await RunAsync("draws", "verify", tampered));
        Assert.Equal(2, await RunAsync("draws", "verify", Path.Combine(DataDirectory, "missing.json")));
        // A quarterly rule without a quarter is refused before anything is written.
        Assert.Equal(1, await RunAsync("draws", "run", "--rule-set", $"{water}", "--year", "2022"));
    }

}

/// <summary><c>ecoenforce report monthly|roster</c> on its own data directory: workbooks with the forms' titles, and a
/// clear refusal for a bad month, an unknown campaign or unit, leaving no file behind.</summary>
public sealed class ReportCliTests() : CliDataDirectory("ledger")
{

    [Fact]
    public async Task Report_monthly_and_roster_write_the_forms_and_refuse_bad_input_without_leaving_a_file()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var district = Path.Combine(DataDirectory, "附表2.xlsx");
        Assert.Equal(0, await RunAsync("report", "monthly", "--month", "2022-08", "-o", district));
        var rows = EcoEnforce.Common.Excel.XlsxReader.ReadFirstSheet(File.OpenRead(district));
        Assert.Contains(rows, r => r.Cells.Values.Contains("涪陵区2022年水污染防治专项执法现场检查工作情况报表"));
        Assert.Contains(rows, r => r.Cells.Values.Contains("填报单位：涪陵区生态环境局（全区汇总）"));
        var unit = Path.Combine(DataDirectory, "李渡.xlsx");
        Assert.Equal(0, await RunAsync("report", "monthly", "--unit", "李渡街道", "--month", "2022-08", "-o", unit));
        Assert.Contains(EcoEnforce.Common.Excel.XlsxReader.ReadFirstSheet(File.OpenRead(unit)), r => r.Cells.Values.Contains("填报单位：李渡街道"));
        var roster = Path.Combine(DataDirectory, "附表1.xlsx");
        Assert.Equal(0, await RunAsync("report", "roster", "--year", "2022", "-o", roster));
        Assert.Contains(EcoEnforce.Common.Excel.XlsxReader.ReadFirstSheet(File.OpenRead(roster)), r => r.Cells.Values.Contains("单位分管负责人和联络员名单"));

        var bad = Path.Combine(DataDirectory, "bad.xlsx");
        Assert.Equal(2, await RunAsync("report", "monthly", "--month", "2022-13", "-o", bad));
        Assert.Equal(1, await RunAsync("report", "monthly", "--campaign", "999", "--month", "2022-08", "-o", bad));
        Assert.Equal(1, await RunAsync("report", "monthly", "--unit", "不存在的单位", "--month", "2022-08", "-o", bad));
        Assert.False(File.Exists(bad));
    }
}
