using EcoEnforce.Reports.Summary;

namespace EcoEnforce.Core.Tests.Reports.Summary;

/// <summary>The summary's figures against the hand-worked ledger of <see cref="SummaryLedger"/>.</summary>
public sealed class AnnualSummaryTests
{
    [Fact]
    public async Task Plan_summary_figures_equal_the_hand_computed_ledger()
    {
        using var ledger = await SummaryLedger.CreateAsync();
        var s = await ledger.SummaryAsync();
        var f = s.Figures;

        Assert.Equal("涪陵区2022年生态环境执法现场检查工作总结", s.Title);
        Assert.Equal(3, f.Planned);
        Assert.Equal([0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0], f.PlannedByMonth);
        Assert.Equal(2, f.Done);
        Assert.Equal((3, 1, 1), (f.Found, f.Closed, f.Overdue));
        Assert.Equal(2.3m, f.FinesWan);
        Assert.Equal(33.3, f.RectificationRate);
        Assert.Equal(1, f.ByCategory.Single(c => c.Label == "水").Count);
        Assert.Equal(1, f.ByCategory.Single(c => c.Label == "其他").Count);
        Assert.Equal(2, f.ByMeasure.Single(m => m.Label == "行政处罚").Count);
        Assert.Contains("计划检查3次、完成2次，发现问题3个、已整改1个，整改完成率33.3%", s.FiguresSentence, StringComparison.Ordinal);
        Assert.Contains("罚款合计2.3万元", s.FiguresSentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_nuclear_table_lists_each_inspected_nuclear_user_with_totals_against_the_target()
    {
        using var ledger = await SummaryLedger.CreateAsync();
        var table = (await ledger.SummaryAsync()).Nuclear!;

        var row = Assert.Single(table.Rows);
        Assert.Equal("核技术乙医院", row.Enterprise);
        Assert.Equal("2022-06-08", row.Dates);
        Assert.Equal("2人（张三、李四）", row.Team);
        Assert.Equal(1, row.ProblemsFound);
        Assert.Equal("未按规定开展辐射工作人员个人剂量监测", row.Problems);
        Assert.Equal("整改中", row.Rectification);
        Assert.Equal("罚款0.8万元", row.Penalty);
        Assert.Equal((84, 1, 1, 0, 0.8m), (table.TargetUnits, table.Inspected, table.ProblemsFound, table.Rectified, table.FinesWan));
    }

    [Fact]
    public async Task Campaign_summary_counts_only_that_campaign_and_has_no_nuclear_table_unless_it_is_the_nuclear_one()
    {
        using var ledger = await SummaryLedger.CreateAsync();
        var water = await ledger.SummaryAsync(ledger.Db.WaterCampaignId);
        Assert.Equal("涪陵区2022年水污染防治专项执法现场检查工作总结", water.Title);
        Assert.Equal((1, 1, 1.5m), (water.Figures.Found, water.Figures.Closed, water.Figures.FinesWan));
        Assert.Equal(1, water.Figures.Done);
        Assert.Null(water.Nuclear);
        var nuclear = await ledger.SummaryAsync(ledger.NuclearCampaignId);
        Assert.NotNull(nuclear.Nuclear);
        Assert.Equal("核与辐射", nuclear.CampaignName);
    }
}
