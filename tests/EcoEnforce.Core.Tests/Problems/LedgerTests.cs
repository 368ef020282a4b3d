using EcoEnforce.Common;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;

namespace EcoEnforce.Core.Tests.Problems;

public sealed class LedgerTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    private async Task<IReadOnlyList<string>> Descriptions(Ledger.Filter filter) =>
        [.. (await _db.Run<Ledger.Handler, Ledger.Page>(h => h.PageAsync(filter, 1, 1000, Ct))).Rows.Select(r => r.Description)];

    /// <summary>"lidu-water" found in July with an overdue deadline; "qingxi-air" in August, penalised; "qingxi-closed"
    /// closed past its deadline; "lidu-other" with no deadline.</summary>
    private async Task SeedAsync()
    {
        var lidu = await _db.AddEnterpriseAsync(townshipId: _db.LiduId);
        var qingxi = await _db.AddEnterpriseAsync(townshipId: _db.QingxiId);
        await _db.OpenAsync(ProblemTestDb.Water(lidu, new(2022, 7, 4), campaignId: _db.WaterCampaignId) with
            { Description = "lidu-water", RectificationDeadline = new(2022, 8, 4) });
        var air = await _db.OpenAsync(ProblemTestDb.Water(qingxi, new(2022, 8, 31), campaignId: _db.AirCampaignId) with
            { Description = "qingxi-air", Category = ProblemCategory.Air, Source = TaskSource.Complaint, RectificationDeadline = new(2022, 10, 1) });
        var penalty = await _db.Run<AddMeasure.Handler, Result<int>>(h => h.HandleAsync(
            new(air, MeasureKind.Penalty, new(2022, 9, 10), "渝（涪）环罚〔2022〕12号", 2.5m), Ct));
        Assert.True(penalty.Succeeded);
        var closed = await _db.OpenAsync(ProblemTestDb.Water(qingxi, new(2022, 8, 1)) with
            { Description = "qingxi-closed", RectificationDeadline = new(2022, 8, 10) });
        await _db.Run<ReportRectification.Handler, Result<int>>(h => h.HandleAsync(new(closed, new(2022, 8, 9), null), Ct));
        var followUp = await _db.AddTaskAsync(qingxi, new(2022, 8, 20));
        Assert.True((await _db.Run<RecordVerification.Handler, Result<int>>(h => h.HandleAsync(new(closed, followUp, true, null), Ct))).Succeeded);
        await _db.OpenAsync(ProblemTestDb.Water(lidu, new(2022, 9, 1)) with
            { Description = "lidu-other", Category = ProblemCategory.Other, CategoryOther = "辐射", RectificationDeadline = null });
    }

    [Fact]
    public async Task The_ledger_lists_every_problem_in_the_order_found()
    {
        await SeedAsync();
        Assert.Equal(["lidu-water", "qingxi-closed", "qingxi-air", "lidu-other"], await Descriptions(new()));
    }

    [Fact]
    public async Task Overdue_means_the_deadline_has_passed_and_the_problem_is_not_closed()
    {
        await SeedAsync();
        Assert.Equal(["lidu-water"], await Descriptions(new() { Overdue = true }));
        Assert.Equal(["qingxi-closed", "qingxi-air", "lidu-other"], await Descriptions(new() { Overdue = false }));
    }

    [Fact]
    public async Task The_ledger_filters_by_category_source_measure_status_township_campaign_and_month()
    {
        await SeedAsync();
        Assert.Equal(["qingxi-air"], await Descriptions(new() { Category = ProblemCategory.Air }));
        Assert.Equal(["qingxi-air"], await Descriptions(new() { Source = TaskSource.Complaint }));
        Assert.Equal(["qingxi-air"], await Descriptions(new() { Measure = MeasureKind.Penalty }));
        Assert.Empty(await Descriptions(new() { Measure = MeasureKind.Detention }));
        Assert.Equal(["qingxi-closed"], await Descriptions(new() { Status = ProblemStatus.Closed }));
        Assert.Equal(["lidu-water", "lidu-other"], await Descriptions(new() { TownshipId = _db.LiduId }));
        Assert.Equal(["lidu-water"], await Descriptions(new() { CampaignId = _db.WaterCampaignId }));
        Assert.Equal(["qingxi-closed", "qingxi-air"], await Descriptions(new() { Month = new(2022, 8, 15) }));
        Assert.Equal(["qingxi-air"], await Descriptions(new() { Month = new(2022, 8, 15), TownshipId = _db.QingxiId, Status = ProblemStatus.Open }));
    }

    [Fact]
    public async Task A_row_carries_the_labels_the_form_prints()
    {
        await SeedAsync();
        var rows = (await _db.Run<Ledger.Handler, Ledger.Page>(h => h.PageAsync(new(), 1, 1000, Ct))).Rows;
        var other = Assert.Single(rows, r => r.Description == "lidu-other");
        Assert.Equal(("其他（辐射）", "双随机", "李渡街道"), (other.CategoryLabel, other.SourceLabel, other.TownshipName));
        Assert.True(Assert.Single(rows, r => r.Description == "lidu-water").IsOverdue);
    }
}
