using EcoEnforce.Common;
using EcoEnforce.Reports.Summary;

namespace EcoEnforce.Core.Tests.Reports.Summary;

public sealed class TypicalCaseSummaryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Result<int>> Choose(SummaryLedger l, TypicalCases.Choose c) =>
        l.Db.Run<TypicalCases.Handler, Result<int>>(h => h.ChooseAsync(c, Ct));

    [Fact]
    public async Task A_chosen_typical_case_appears_in_the_summary_with_its_write_up_measures_fine_and_status()
    {
        using var ledger = await SummaryLedger.CreateAsync();
        var chosen = await Choose(ledger, new(2022, ledger.WaterProblemId, "  甲公司污水处理设施停运，废水超标排放。\n局依法立案查处。  "));
        Assert.True(chosen.Succeeded);
        Assert.True((await Choose(ledger, new(2022, ledger.AirProblemId, null))).Succeeded);

        var cases = (await ledger.SummaryAsync()).Cases;
        Assert.Equal(2, cases.Count);
        var water = cases[0];
        Assert.Equal("甲公司污水处理设施停运，废水超标排放。\n局依法立案查处。", water.Text);
        Assert.Equal(["行政处罚"], water.Measures);
        Assert.Equal((1.5m, "已整改"), (water.FineWan, water.Rectification));
        Assert.Equal(("VOCs 收集处理设施未运行", "逾期"), (cases[1].Text, cases[1].Rectification));
        // The water campaign's summary tells only its own cases.
        Assert.Single((await ledger.SummaryAsync(ledger.Db.WaterCampaignId)).Cases);

        Assert.True((await ledger.Db.Run<TypicalCases.Handler, Result<int>>(h => h.EditAsync(new(chosen.Value, "改写后的案例。", 5), Ct))).Succeeded);
        cases = (await ledger.SummaryAsync()).Cases;
        Assert.Equal(("改写后的案例。", 5), (cases[1].Text, cases[1].SortOrder));
        Assert.True((await ledger.Db.Run<TypicalCases.Handler, Result<int>>(h => h.RemoveAsync(chosen.Value, Ct))).Succeeded);
        Assert.Single((await ledger.SummaryAsync()).Cases);
    }

    [Fact]
    public async Task Typical_case_summary_is_refused_when_too_long_chosen_twice_or_from_another_year()
    {
        using var ledger = await SummaryLedger.CreateAsync();
        var tooLong = await Choose(ledger, new(2022, ledger.WaterProblemId, new string('案', 2001)));
        Assert.Equal("案例简介不能超过 2000 字", Assert.Single(tooLong.Errors).Message);
        Assert.True((await Choose(ledger, new(2022, ledger.WaterProblemId, new string('案', 2000)))).Succeeded);
        Assert.Equal("该问题已选为典型案例", Assert.Single((await Choose(ledger, new(2022, ledger.WaterProblemId, null))).Errors).Message);
        Assert.Equal("只能选择2021年发现的问题", Assert.Single((await Choose(ledger, new(2021, ledger.AirProblemId, null))).Errors).Message);
        Assert.Equal("问题不存在", Assert.Single((await Choose(ledger, new(2022, 99999, null))).Errors).Message);
        Assert.Equal("排序应为 0 至 999 的整数", Assert.Single((await Choose(ledger, new(2022, ledger.AirProblemId, null, -1))).Errors).Message);
    }
}
