using EcoEnforce.Common;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Core.Tests.Problems;

public sealed class VerificationTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Found = new(2022, 8, 1);

    public void Dispose() => _db.Dispose();

    private async Task<(int Enterprise, int Problem)> ReportedAsync()
    {
        var enterprise = await _db.AddEnterpriseAsync();
        var task = await _db.AddTaskAsync(enterprise, Found);
        var problem = await _db.OpenAsync(ProblemTestDb.Water(enterprise, Found, task));
        var reported = await Report(problem, Found.AddDays(10));
        Assert.True(reported.Succeeded);
        return (enterprise, problem);
    }

    private Task<Result<int>> Report(int problem, DateOnly on) => _db.Run<ReportRectification.Handler, Result<int>>(
        h => h.HandleAsync(new(problem, on, "已更换曝气设备，出水达标"), Ct));

    private Task<Result<int>> Verify(int problem, int task, bool ok, string? note = null) =>
        _db.Run<RecordVerification.Handler, Result<int>>(h => h.HandleAsync(new(problem, task, ok, note), Ct));

    private async Task<Problem> LoadAsync(int id)
    {
        using var scope = _db.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.EcoEnforceDb>();
        return await db.Problems.AsNoTracking().Include(p => p.Events.OrderBy(e => e.Id)).SingleAsync(p => p.Id == id, Ct);
    }

    [Fact]
    public async Task A_problem_cannot_be_closed_on_a_follow_up_task_not_yet_done()
    {
        var (enterprise, problem) = await ReportedAsync();
        var planned = await _db.AddTaskAsync(enterprise, null, TaskStatus.Planned);
        var result = await Verify(problem, planned, ok: true);
        Assert.Equal("回头看检查尚未完成，不能据此核查", Assert.Single(result.Errors).Message);
        Assert.Equal(ProblemStatus.AwaitingVerification, (await LoadAsync(problem)).Status);
    }

    [Fact]
    public async Task A_problem_cannot_be_closed_on_the_inspection_that_found_it_or_one_of_another_enterprise()
    {
        var (_, problem) = await ReportedAsync();
        var original = (await LoadAsync(problem)).TaskId!.Value;
        Assert.Equal("FollowUpTaskId", Assert.Single((await Verify(problem, original, ok: true)).Errors).Field);
        var elsewhere = await _db.AddTaskAsync(await _db.AddEnterpriseAsync(), Found.AddDays(20));
        Assert.Equal("FollowUpTaskId", Assert.Single((await Verify(problem, elsewhere, ok: true)).Errors).Field);
        Assert.Equal("FollowUpTaskId", Assert.Single((await Verify(problem, 999_999, ok: true)).Errors).Field);
    }

    [Fact]
    public async Task A_problem_not_reported_rectified_cannot_be_verified()
    {
        var enterprise = await _db.AddEnterpriseAsync();
        var problem = await _db.OpenAsync(ProblemTestDb.Water(enterprise, Found));
        var followUp = await _db.AddTaskAsync(enterprise, Found.AddDays(20));
        Assert.Equal("Status", Assert.Single((await Verify(problem, followUp, ok: true)).Errors).Field);
    }

    [Fact]
    public async Task A_done_follow_up_that_finds_it_fixed_closes_the_problem()
    {
        var (enterprise, problem) = await ReportedAsync();
        var followUp = await _db.AddTaskAsync(enterprise, Found.AddDays(20));
        Assert.True((await Verify(problem, followUp, ok: true)).Succeeded);
        var closed = await LoadAsync(problem);
        Assert.Equal(ProblemStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedAtUtc);
        Assert.Equal([ProblemEventKind.Opened, ProblemEventKind.RectificationReported, ProblemEventKind.VerificationPassed, ProblemEventKind.Closed],
            closed.Events.Select(e => e.Kind));
        Assert.Equal(followUp, closed.Events[^1].TaskId);
        Assert.Equal(Found.AddDays(20), closed.Events[^1].OccurredOn);
    }

    [Fact]
    public async Task A_failed_follow_up_reopens_the_problem_and_keeps_its_history()
    {
        var (enterprise, problem) = await ReportedAsync();
        var followUp = await _db.AddTaskAsync(enterprise, Found.AddDays(20));
        Assert.Equal("Note", Assert.Single((await Verify(problem, followUp, ok: false)).Errors).Field);
        Assert.True((await Verify(problem, followUp, ok: false, "出水氨氮仍超标")).Succeeded);

        var reopened = await LoadAsync(problem);
        Assert.Equal(ProblemStatus.Open, reopened.Status);
        Assert.Null(reopened.RectifiedOn);
        Assert.Null(reopened.ClosedAtUtc);
        Assert.Equal([ProblemEventKind.Opened, ProblemEventKind.RectificationReported, ProblemEventKind.VerificationFailed, ProblemEventKind.Reopened],
            reopened.Events.Select(e => e.Kind));
        Assert.Contains("出水氨氮仍超标", reopened.Events[2].Text, StringComparison.Ordinal);

        // It goes round again, and the second round is added to the first.
        Assert.True((await Report(problem, Found.AddDays(25))).Succeeded);
        Assert.True((await Verify(problem, await _db.AddTaskAsync(enterprise, Found.AddDays(30)), ok: true)).Succeeded);
        var closed = await LoadAsync(problem);
        Assert.Equal(ProblemStatus.Closed, closed.Status);
        Assert.Equal(
            [ProblemEventKind.Opened, ProblemEventKind.RectificationReported, ProblemEventKind.VerificationFailed, ProblemEventKind.Reopened,
             ProblemEventKind.RectificationReported, ProblemEventKind.VerificationPassed, ProblemEventKind.Closed],
            closed.Events.Select(e => e.Kind));
        Assert.Equal(closed.Events.Count, closed.Version);
    }
}
