using EcoEnforce.Common;
using EcoEnforce.Auditing;
using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Organisation;
using EcoEnforce.Problems;
using EcoEnforce.Registry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Core.Tests.Problems;

/// <summary>A clock standing still at a chosen moment.</summary>
internal sealed class StillClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The handlers as the app wires them, over one in-memory SQLite database per test; every scope is a
/// separate context on the same connection, like two requests.</summary>
internal sealed class ProblemTestDb : IDisposable
{
    public static readonly DateOnly Today = new(2022, 9, 20);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _services;

    public ProblemTestDb()
    {
        _connection.Open();
        Clock = new StillClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IActor>(new FixedActor("测试员"))
            .AddScoped<AuditInterceptor>()
            .AddDbContext<EcoEnforceDb>((sp, o) => o.UseSqlite(_connection).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()))
            .AddEcoEnforceFeatures()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = NewScope();
        var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        db.Database.EnsureCreated();
        var lidu = new Department { Name = "李渡街道", ShortName = "李渡", Kind = DepartmentKind.Street };
        var qingxi = new Department { Name = "清溪镇", ShortName = "清溪", Kind = DepartmentKind.Township };
        db.Departments.AddRange(lidu, qingxi);
        var plan = new Plan { Year = 2022, Title = "涪陵区2022年生态环境执法现场检查计划", Issuer = "重庆市涪陵区生态环境局" };
        db.Plans.Add(plan);
        db.SaveChanges();
        LiduId = lidu.Id;
        QingxiId = qingxi.Id;
        var water = new Campaign { PlanId = plan.Id, SortOrder = 1, Kind = CampaignKind.Water, Title = "水污染防治专项执法现场检查计划", ShortName = "水污染防治" };
        var air = new Campaign { PlanId = plan.Id, SortOrder = 2, Kind = CampaignKind.Air, Title = "大气污染防治专项执法现场检查计划", ShortName = "大气污染防治" };
        db.Campaigns.AddRange(water, air);
        db.SaveChanges();
        WaterCampaignId = water.Id;
        AirCampaignId = air.Id;
    }

    public StillClock Clock { get; }
    public int LiduId { get; }
    public int QingxiId { get; }
    public int WaterCampaignId { get; }
    public int AirCampaignId { get; }

    public IServiceScope NewScope() => _services.CreateScope();

    /// <summary>Runs a handler in its own scope, as one request would.</summary>
    public async Task<TResult> Run<THandler, TResult>(Func<THandler, Task<TResult>> call) where THandler : notnull
    {
        using var scope = _services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public async Task<int> AddEnterpriseAsync(string? name = null, int? townshipId = null)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var e = Some.Enterprise();
        if (name is not null) e.Name = name;
        e.TownshipId = townshipId ?? LiduId;
        db.Enterprises.Add(e);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return e.Id;
    }

    public async Task<int> AddTaskAsync(int enterpriseId, DateOnly? inspectedOn, TaskStatus status = TaskStatus.Done, int? unitId = null,
        int? campaignId = null, DateOnly? plannedOn = null)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var day = inspectedOn ?? Today;
        var task = new InspectionTask
        {
            EnterpriseId = enterpriseId, Source = TaskSource.RandomDraw, WindowStart = day.AddDays(-3), WindowEnd = day.AddDays(3),
            PlannedOn = plannedOn, Status = status, InspectedOn = status == TaskStatus.Done ? inspectedOn : null, UnitId = unitId,
            Campaigns = campaignId is { } c ? [new TaskCampaign { CampaignId = c }] : [],
        };
        db.InspectionTasks.Add(task);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return task.Id;
    }

    public static OpenProblem.Command Water(int enterpriseId, DateOnly foundOn, int? taskId = null, int? campaignId = null) => new(
        ProblemCategory.Water, null, "污水处理设施未正常运行，废水超标排放", enterpriseId, TaskSource.RandomDraw, null,
        foundOn, taskId, campaignId, foundOn.AddDays(30));

    public async Task<int> OpenAsync(OpenProblem.Command command)
    {
        var result = await Run<OpenProblem.Handler, Result<int>>(h => h.HandleAsync(command, TestContext.Current.CancellationToken));
        Assert.True(result.Succeeded, string.Join("；", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    public void Dispose()
    {
        _services.Dispose();
        _connection.Dispose();
    }
}
