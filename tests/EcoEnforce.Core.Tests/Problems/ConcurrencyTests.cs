using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Core.Tests.Problems;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Found = new(2022, 9, 1);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Of_two_changes_to_a_problem_loaded_at_the_same_time_the_second_is_refused_and_writes_nothing()
    {
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(await _db.AddEnterpriseAsync(), Found));
        using var first = _db.NewScope();
        using var second = _db.NewScope();
        // The second request has read the problem before the first saves.
        var loaded = await second.ServiceProvider.GetRequiredService<EcoEnforceDb>().Problems.SingleAsync(p => p.Id == problemId, Ct);
        Assert.Equal(1, loaded.Version);

        var reported = await first.ServiceProvider.GetRequiredService<ReportRectification.Handler>()
            .HandleAsync(new(problemId, Found.AddDays(5), "已整改"), Ct);
        Assert.True(reported.Succeeded);
        var measure = await second.ServiceProvider.GetRequiredService<AddMeasure.Handler>()
            .HandleAsync(new(problemId, MeasureKind.Penalty, Found.AddDays(6), "渝（涪）环罚〔2022〕7号", 5m), Ct);

        Assert.Equal(("Version", "该问题已被他人修改，请刷新后重试"), (Assert.Single(measure.Errors).Field, measure.Errors[0].Message));
        using var check = _db.NewScope();
        var db = check.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var problem = await db.Problems.Include(p => p.Events).Include(p => p.Measures).SingleAsync(p => p.Id == problemId, Ct);
        Assert.Equal(ProblemStatus.AwaitingVerification, problem.Status);
        Assert.Equal(2, problem.Version);
        Assert.Empty(problem.Measures);
        Assert.Equal([ProblemEventKind.Opened, ProblemEventKind.RectificationReported], problem.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ProblemMeasure), Ct));
    }

    [Fact]
    public async Task A_change_based_on_a_version_already_replaced_is_refused()
    {
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(await _db.AddEnterpriseAsync(), Found));
        var first = await _db.Run<AddMeasure.Handler, Result<int>>(
            h => h.HandleAsync(new(problemId, MeasureKind.CriticismEducation, Found, ExpectedVersion: 1), Ct));
        Assert.True(first.Succeeded);
        var stale = await _db.Run<ReportRectification.Handler, Result<int>>(
            h => h.HandleAsync(new(problemId, Found.AddDays(3), null, ExpectedVersion: 1), Ct));
        Assert.Equal("该问题已被他人修改，请刷新后重试", Assert.Single(stale.Errors).Message);
    }
}
