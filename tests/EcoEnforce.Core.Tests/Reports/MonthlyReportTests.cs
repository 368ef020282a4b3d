using EcoEnforce.Common;
using EcoEnforce.Core.Tests.Problems;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using EcoEnforce.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Core.Tests.Reports;

/// <summary>附表2 per unit computed from a known ledger, the submit/return/approve revisions, and frozen snapshots.</summary>
public sealed class MonthlyReportTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    /// <summary>Lidu (unit A) in August: 3 tasks planned (one more cancelled), 2 done, 2 problems found, one of them closed
    /// in August; in July 1 done and 1 found. Qingxi (unit B) in August: 1 done, 1 found. An air-campaign problem of Lidu
    /// and a September problem stay out of August's water report.</summary>
    private async Task SeedAsync()
    {
        var water = _db.WaterCampaignId;
        var (a, b) = (_db.LiduId, _db.QingxiId);
        var e = await _db.AddEnterpriseAsync(townshipId: a);
        var f = await _db.AddEnterpriseAsync(townshipId: b);
        var t1 = await _db.AddTaskAsync(e, new(2022, 8, 3), unitId: a, campaignId: water, plannedOn: new(2022, 8, 3));
        await _db.AddTaskAsync(e, new(2022, 8, 10), unitId: a, campaignId: water, plannedOn: new(2022, 8, 10));
        await _db.AddTaskAsync(e, new(2022, 8, 28), TaskStatus.Planned, unitId: a, campaignId: water, plannedOn: new(2022, 8, 28));
        await _db.AddTaskAsync(e, new(2022, 8, 29), TaskStatus.Cancelled, unitId: a, campaignId: water, plannedOn: new(2022, 8, 29));
        var july = await _db.AddTaskAsync(e, new(2022, 7, 12), unitId: a, campaignId: water, plannedOn: new(2022, 7, 12));
        await _db.AddTaskAsync(f, new(2022, 8, 15), unitId: b, campaignId: water, plannedOn: new(2022, 8, 15));

        await _db.OpenAsync(ProblemTestDb.Water(e, new(2022, 7, 12), july, water));
        var closed = await _db.OpenAsync(ProblemTestDb.Water(e, new(2022, 8, 3), t1, water));
        await _db.OpenAsync(ProblemTestDb.Water(e, new(2022, 8, 3), t1, water) with { Description = "第二个问题" });
        await _db.OpenAsync(ProblemTestDb.Water(f, new(2022, 8, 15), campaignId: water) with { UnitId = b });
        await _db.OpenAsync(ProblemTestDb.Water(e, new(2022, 8, 4), campaignId: _db.AirCampaignId) with { UnitId = a });
        await _db.OpenAsync(ProblemTestDb.Water(e, new(2022, 9, 2), campaignId: water) with { UnitId = a });

        _db.Clock.Now = new DateTimeOffset(2022, 8, 20, 2, 0, 0, TimeSpan.Zero);
        await _db.Run<ReportRectification.Handler, Result<int>>(h => h.HandleAsync(new(closed, new(2022, 8, 18), null), Ct));
        var followUp = await _db.AddTaskAsync(e, new(2022, 8, 20), unitId: a);
        Assert.True((await _db.Run<RecordVerification.Handler, Result<int>>(h => h.HandleAsync(new(closed, followUp, true, null), Ct))).Succeeded);
        _db.Clock.Now = new DateTimeOffset(2022, 8, 24, 2, 0, 0, TimeSpan.Zero);
    }

    private async Task<MonthlySnapshot> ComputeAsync(int? unit, int month = 8)
    {
        using var scope = _db.NewScope();
        return await MonthlyForm.ComputeAsync(scope.ServiceProvider.GetRequiredService<EcoEnforceDb>(), _db.Clock, _db.WaterCampaignId, unit, 2022, month, Ct);
    }

    [Fact]
    public async Task A_units_figures_count_its_own_work_for_the_month_and_the_year_to_date_and_the_district_sums_the_units()
    {
        await SeedAsync();
        var a = await ComputeAsync(_db.LiduId);
        Assert.Equal(new InspectionCounts(3, 2, 2, 1), a.ThisMonth);
        Assert.Equal(new InspectionCounts(4, 3, 3, 1), a.Total);
        Assert.Equal(3, a.Rows.Count); // July, and the two of August; not the air campaign's, not September's
        var b = await ComputeAsync(_db.QingxiId);
        Assert.Equal(new InspectionCounts(1, 1, 1, 0), b.ThisMonth);
        var district = await ComputeAsync(null);
        Assert.Equal(Board.Sum([a.ThisMonth, b.ThisMonth]), district.ThisMonth);
        Assert.Equal(Board.Sum([a.Total, b.Total]), district.Total);
        Assert.Equal(4, district.Rows.Count);
        Assert.Equal(MonthlyForm.DistrictName, district.UnitName);
    }

    [Fact]
    public async Task A_submitted_report_keeps_its_figures_when_the_ledger_changes_afterwards()
    {
        await SeedAsync();
        var key = new MonthlyReports.Key(_db.WaterCampaignId, _db.LiduId, 2022, 8);
        var id = (await Handle(h => h.SaveDraftAsync(key, "王联络", "023-72210000", Ct))).Value;
        Assert.True((await Handle(h => h.SubmitAsync(id, Ct))).Succeeded);

        var e = await _db.AddEnterpriseAsync(townshipId: _db.LiduId);
        await _db.OpenAsync(ProblemTestDb.Water(e, new(2022, 8, 22), campaignId: _db.WaterCampaignId) with { UnitId = _db.LiduId });
        Assert.Equal(3, (await ComputeAsync(_db.LiduId)).ThisMonth.ProblemsFound);

        var frozen = MonthlySnapshot.FromJson((await LoadAsync(id)).SnapshotJson!);
        Assert.Equal(new InspectionCounts(3, 2, 2, 1), frozen.ThisMonth);
        Assert.Equal(3, frozen.Rows.Count);
        Assert.Contains(frozen.Rows, r => r.Status == ProblemStatus.Closed);
        Assert.Equal("李渡街道", frozen.UnitName);
    }

    [Fact]
    public async Task A_report_is_submitted_returned_with_a_reason_corrected_in_a_new_revision_and_approved()
    {
        var key = new MonthlyReports.Key(_db.WaterCampaignId, _db.LiduId, 2022, 8);
        var id = (await Handle(h => h.SaveDraftAsync(key, null, null, Ct))).Value;
        var refused = await Handle(h => h.SubmitAsync(id, Ct));
        Assert.Equal(["FiledBy", "Phone"], refused.Errors.Select(e => e.Field));
        Assert.Equal("Phone", Assert.Single((await Handle(h => h.SaveDraftAsync(key, "王联络", "打电话", Ct))).Errors).Field);
        Assert.Equal(id, (await Handle(h => h.SaveDraftAsync(key, "王联络", "023-72210000", Ct))).Value);
        Assert.True((await Handle(h => h.SubmitAsync(id, Ct))).Succeeded);
        Assert.Equal("Status", Assert.Single((await Handle(h => h.SaveDraftAsync(key, "王联络", "023-72210000", Ct))).Errors).Field);
        Assert.Equal("ReviewComment", Assert.Single((await Handle(h => h.ReturnAsync(id, " ", Ct))).Errors).Field);
        Assert.True((await Handle(h => h.ReturnAsync(id, "完成次数与台账不符", Ct))).Succeeded);
        Assert.False((await Handle(h => h.ApproveAsync(id, null, Ct))).Succeeded);

        var second = (await Handle(h => h.SaveDraftAsync(key, "王联络", "023-72210000", Ct))).Value;
        Assert.NotEqual(id, second);
        Assert.True((await Handle(h => h.SubmitAsync(second, Ct))).Succeeded);
        Assert.True((await Handle(h => h.ApproveAsync(second, null, Ct))).Succeeded);
        var third = (await Handle(h => h.SaveDraftAsync(key, "王联络", "023-72210000", Ct))).Value;
        Assert.True((await Handle(h => h.SubmitAsync(third, Ct))).Succeeded);
        Assert.True((await Handle(h => h.ApproveAsync(third, "更正后通过", Ct))).Succeeded);

        var revisions = new[] { await LoadAsync(id), await LoadAsync(second), await LoadAsync(third) };
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Revision));
        Assert.Equal([MonthlyReportStatus.Returned, MonthlyReportStatus.Superseded, MonthlyReportStatus.Approved], revisions.Select(r => r.Status));
        Assert.Equal("完成次数与台账不符", revisions[0].ReviewComment);
    }

    [Fact]
    public async Task Of_two_reviewers_acting_on_the_same_report_at_once_only_one_succeeds()
    {
        var key = new MonthlyReports.Key(_db.WaterCampaignId, _db.QingxiId, 2022, 8);
        var id = (await Handle(h => h.SaveDraftAsync(key, "李", "023-72210000", Ct))).Value;
        await Handle(h => h.SubmitAsync(id, Ct));
        using var one = _db.NewScope();
        using var two = _db.NewScope();
        var first = one.ServiceProvider.GetRequiredService<MonthlyReports.Handler>();
        var second = two.ServiceProvider.GetRequiredService<MonthlyReports.Handler>();
        // Both load the submitted report before either saves: the second save finds the status changed.
        var db2 = two.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        await db2.MonthlyReports.FirstAsync(r => r.Id == id, Ct);
        Assert.True((await first.ApproveAsync(id, null, Ct)).Succeeded);
        var late = await second.ReturnAsync(id, "数据有误", Ct);
        Assert.False(late.Succeeded);
        Assert.Equal(MonthlyReportStatus.Approved, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task The_board_marks_late_and_missing_reports_after_the_deadline_in_china_time()
    {
        var obligation = new MonthlyObligation(await CampaignAsync(), 25, [(2022, 8)]);
        var lidu = new MonthlyReports.Key(_db.WaterCampaignId, _db.LiduId, 2022, 8);
        var id = (await Handle(h => h.SaveDraftAsync(lidu, "王", "023-72210000", Ct))).Value;
        _db.Clock.Now = new DateTimeOffset(2022, 8, 25, 23, 59, 0, TimeSpan.FromHours(8));
        await Handle(h => h.SubmitAsync(id, Ct));
        _db.Clock.Now = new DateTimeOffset(2022, 8, 26, 0, 0, 0, TimeSpan.FromHours(8));
        using var scope = _db.NewScope();
        var board = await MonthlyBoard.ForAsync(scope.ServiceProvider.GetRequiredService<EcoEnforceDb>(), _db.Clock, obligation, 2022, 8, Ct);
        var a = board.Lines.Single(l => l.Unit.Id == _db.LiduId);
        var b = board.Lines.Single(l => l.Unit.Id == _db.QingxiId);
        Assert.Equal((true, false, true), (a.OnTime!.Value, a.Overdue, a.Reported));
        Assert.Equal((null, true, false), (b.OnTime, b.Overdue, b.Reported));
    }

    private async Task<EcoEnforce.Campaigns.Campaign> CampaignAsync()
    {
        using var scope = _db.NewScope();
        return await scope.ServiceProvider.GetRequiredService<EcoEnforceDb>().Campaigns.AsNoTracking().FirstAsync(c => c.Id == _db.WaterCampaignId, Ct);
    }

    private Task<Result<int>> Handle(Func<MonthlyReports.Handler, Task<Result<int>>> call) => _db.Run(call);

    private async Task<MonthlyReport> LoadAsync(int id)
    {
        using var scope = _db.NewScope();
        return await scope.ServiceProvider.GetRequiredService<EcoEnforceDb>().MonthlyReports.AsNoTracking().FirstAsync(r => r.Id == id, Ct);
    }
}

public sealed class MonthlyDeadlineTests
{
    [Fact]
    public void A_report_at_23_59_on_the_25th_china_time_is_on_time_and_one_at_midnight_is_late()
    {
        var deadline = new MonthlyDeadline(2022, 8, 25);
        Assert.True(deadline.IsOnTime(new DateTime(2022, 8, 25, 15, 59, 59, DateTimeKind.Utc)));
        Assert.False(deadline.IsOnTime(new DateTime(2022, 8, 25, 16, 0, 0, DateTimeKind.Utc)));
        Assert.False(deadline.IsOverdue(new DateTime(2022, 8, 25, 15, 59, 59, DateTimeKind.Utc)));
        Assert.True(deadline.IsOverdue(new DateTime(2022, 8, 25, 16, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Reminders_start_five_days_before_the_due_day_and_the_due_day_clamps_to_short_months()
    {
        var deadline = new MonthlyDeadline(2022, 8, 25);
        Assert.False(deadline.ShouldRemind(new(2022, 8, 19)));
        Assert.True(deadline.ShouldRemind(new(2022, 8, 20)));
        Assert.True(deadline.ShouldRemind(new(2022, 8, 25)));
        Assert.Equal(-1, deadline.DaysLeft(new(2022, 8, 26)));
        Assert.Equal(new DateOnly(2022, 2, 28), new MonthlyDeadline(2022, 2, 31).DueDate);
    }

    [Theory]
    [InlineData("2022-06-29", 7)] // issued after June's 25th: the first report is July's
    [InlineData("2022-06-20", 6)]
    public void Reports_are_owed_from_the_first_due_day_after_the_plan_is_issued_to_the_last_phase(string issued, int firstMonth)
    {
        var months = ReportingUnits.Months(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2022, 11, 30), 2022, 25);
        Assert.Equal(firstMonth, months[0].Month);
        Assert.Equal(11, months[^1].Month);
        Assert.Equal(12 - firstMonth, months.Count);
    }
}
