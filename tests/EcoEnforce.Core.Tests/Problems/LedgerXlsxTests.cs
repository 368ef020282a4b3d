using EcoEnforce.Common;
using EcoEnforce.Common.Excel;
using EcoEnforce.Problems;

namespace EcoEnforce.Core.Tests.Problems;

public sealed class LedgerXlsxTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    private static string Cell(IReadOnlyList<(int RowNumber, IReadOnlyDictionary<int, string> Cells)> rows, int row, int column) =>
        rows.Single(r => r.RowNumber == row).Cells.GetValueOrDefault(column, "");

    [Fact]
    public async Task The_monthly_report_opens_with_the_form_title_counts_header_and_one_row_per_problem()
    {
        var enterprise = await _db.AddEnterpriseAsync("涪陵示例造纸有限公司");
        var problem = await _db.OpenAsync(ProblemTestDb.Water(enterprise, new(2022, 8, 2), campaignId: _db.WaterCampaignId) with
            { RectificationDeadline = new(2022, 9, 30) });
        foreach (var fine in new[] { 0.1m, 0.2m })
            await _db.Run<AddMeasure.Handler, Result<int>>(h => h.HandleAsync(
                new(problem, MeasureKind.Penalty, new(2022, 8, 20), $"渝（涪）环罚〔2022〕{fine}号", fine), Ct));
        await _db.Run<AddMeasure.Handler, Result<int>>(h => h.HandleAsync(new(problem, MeasureKind.WrittenOrder, new(2022, 8, 2)), Ct));
        // Another campaign's problem, and one found after the reported month, stay off this report.
        await _db.OpenAsync(ProblemTestDb.Water(enterprise, new(2022, 8, 3), campaignId: _db.AirCampaignId));
        await _db.OpenAsync(ProblemTestDb.Water(enterprise, new(2022, 9, 3), campaignId: _db.WaterCampaignId));

        using var stream = new MemoryStream();
        var ledger = (await _db.Run<Ledger.Handler, Ledger.Page>(h => h.PageAsync(new Ledger.Filter
            { CampaignId = _db.WaterCampaignId, FoundFrom = new(2022, 1, 1), FoundTo = new(2022, 8, 31) }, 1, 1000, Ct))).Rows;
        var form = new LedgerForm("水污染防治", 2022, 8, "李渡街道办事处", new InspectionCounts(10, 9, 1, 0), new InspectionCounts(40, 38, 6, 5),
            "张三", new DateOnly(2022, 8, 25), "72899063");
        LedgerXlsx.Write(stream, form, ledger);
        Assert.Single(ledger);
        stream.Position = 0;
        var rows = XlsxReader.ReadFirstSheet(stream);

        Assert.Equal("涪陵区2022年水污染防治专项执法现场检查工作情况报表", Cell(rows, 1, 0));
        Assert.Equal(("填报单位：李渡街道办事处", "报表时段：2022年8月"), (Cell(rows, 2, 0), Cell(rows, 2, 8)));
        Assert.Equal(("本月", "10", "9", "1", "0"), (Cell(rows, 6, 0), Cell(rows, 6, 2), Cell(rows, 6, 3), Cell(rows, 6, 5), Cell(rows, 6, 10)));
        Assert.Equal(("总计", "40", "6", "5"), (Cell(rows, 7, 0), Cell(rows, 7, 2), Cell(rows, 7, 5), Cell(rows, 7, 10)));
        var header = rows.Single(r => r.Cells.GetValueOrDefault(0) == "序号");
        Assert.Equal(LedgerXlsx.DetailColumns, Enumerable.Range(0, 15).Select(c => header.Cells.GetValueOrDefault(c, "")));
        var detail = rows.Single(r => r.RowNumber == header.RowNumber + 1).Cells;
        Assert.Equal(["1", "水", "污水处理设施未正常运行，废水超标排放", "涪陵示例造纸有限公司", "双随机", "否", "否", "是", "是", "0.3", "否", "否", "否", "2022-09-30", "否"],
            Enumerable.Range(0, 15).Select(c => detail.GetValueOrDefault(c, "")));
        Assert.Contains(rows, r => r.Cells.GetValueOrDefault(0) == "填报人：张三");
        Assert.Contains(rows, r => r.Cells.GetValueOrDefault(0, "").StartsWith("2．“问题类别”", StringComparison.Ordinal));
    }
}
