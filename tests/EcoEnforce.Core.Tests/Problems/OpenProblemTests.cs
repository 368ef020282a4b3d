using EcoEnforce.Common;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Core.Tests.Problems;

public sealed class OpenProblemTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    private Task<Result<int>> Open(OpenProblem.Command command) =>
        _db.Run<OpenProblem.Handler, Result<int>>(h => h.HandleAsync(command, Ct));

    [Fact]
    public async Task Category_other_without_an_explanation_is_refused()
    {
        var id = await _db.AddEnterpriseAsync();
        var result = await Open(ProblemTestDb.Water(id, new(2022, 9, 1)) with { Category = ProblemCategory.Other, CategoryOther = "  " });
        Assert.Contains(result.Errors, e => e.Field == "CategoryOther" && e.Message.Contains("其他", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Source_other_without_an_explanation_is_refused()
    {
        var id = await _db.AddEnterpriseAsync();
        var result = await Open(ProblemTestDb.Water(id, new(2022, 9, 1)) with { Source = TaskSource.Other });
        Assert.Contains(result.Errors, e => e.Field == "SourceOther");
    }

    [Fact]
    public async Task A_deadline_before_the_day_the_problem_was_found_is_refused()
    {
        var id = await _db.AddEnterpriseAsync();
        var result = await Open(ProblemTestDb.Water(id, new(2022, 9, 1)) with { RectificationDeadline = new(2022, 8, 31) });
        Assert.Equal("整改时限不能早于发现问题的日期", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task A_task_of_another_enterprise_is_refused()
    {
        var id = await _db.AddEnterpriseAsync();
        var task = await _db.AddTaskAsync(await _db.AddEnterpriseAsync(), new(2022, 9, 1));
        var result = await Open(ProblemTestDb.Water(id, new(2022, 9, 1), task));
        Assert.Contains(result.Errors, e => e.Field == "TaskId");
    }

    [Fact]
    public async Task An_opened_problem_is_open_with_its_explanations_and_an_opening_event()
    {
        var id = await _db.AddEnterpriseAsync();
        var task = await _db.AddTaskAsync(id, new(2022, 9, 1));
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(id, new(2022, 9, 1), task, _db.WaterCampaignId) with
        {
            Category = ProblemCategory.Other, CategoryOther = " 噪声扰民 ", Source = TaskSource.Other, SourceOther = "媒体曝光",
        });

        using var scope = _db.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.EcoEnforceDb>();
        var problem = await db.Problems.Include(p => p.Events).SingleAsync(p => p.Id == problemId, Ct);
        Assert.Equal(ProblemStatus.Open, problem.Status);
        Assert.Equal("噪声扰民", problem.CategoryOther);
        Assert.Equal("媒体曝光", problem.SourceOther);
        Assert.Equal(1, problem.Version);
        var opened = Assert.Single(problem.Events);
        Assert.Equal((ProblemEventKind.Opened, new DateOnly(2022, 9, 1), "测试员"), (opened.Kind, opened.OccurredOn, opened.Actor));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Problem) && a.EntityKey == problemId.ToString(), Ct));
    }
}
