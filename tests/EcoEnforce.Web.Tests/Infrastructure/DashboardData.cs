using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Organisation;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Web.Tests.Infrastructure;

/// <summary>A small known year for the dashboard tests, in a year of its own (no plan, task or problem of other tests
/// falls in it), so the expected figures can be counted by hand:
/// unit A: task planned 03-05 done 03-06 and task planned 03-20 not done (both campaign C), one cancelled task in April;
/// unit B: task planned 05-10 done 06-01 (no campaign).
/// Problems: A/C 水 投诉举报 03-06 closed, penalty 1.5 万元 + 书面责令改正; A/C 大气 双随机 03-06 open and overdue, 批评教育;
/// B 水 日常排查 06-01 awaiting verification, penalty 0.25 万元.</summary>
public static class DashboardData
{
    public sealed record Seeded(int Year, int UnitA, string UnitAName, int UnitB, string UnitBName, int CampaignId);

    public static async Task<Seeded> SeedAsync(IServiceProvider sp, int year, bool busy = false)
    {
        var db = sp.GetRequiredService<EcoEnforceDb>();
        var units = await db.Departments.Where(d => d.Kind == DepartmentKind.Township).OrderBy(d => d.Id).Take(2).ToListAsync();
        var enterprise = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var plan = new Plan { Year = year, Title = $"{year}年测试计划", Issuer = "测试", Status = PlanStatus.Published, LineageId = year * 10, CreatedAtUtc = DateTime.UtcNow };
        var campaign = new Campaign { Title = "测试专项执法检查", ShortName = "测试专项", SortOrder = 1 };
        var other = new Campaign { Title = "第二专项执法检查", ShortName = "第二专项", SortOrder = 2 };
        plan.Campaigns.AddRange([campaign, other]);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        DateOnly D(int month, int day) => new(year, month, day);
        InspectionTask Task(Department unit, DateOnly planned, TaskStatus status, DateOnly? inspected, Campaign? c) => new()
        {
            EnterpriseId = enterprise, UnitId = unit.Id, Source = TaskSource.Routine, PlannedOn = planned, WindowStart = planned, WindowEnd = planned.AddDays(10),
            Status = status, InspectedOn = inspected, CreatedAtUtc = DateTime.UtcNow,
            Campaigns = c is null ? [] : [new TaskCampaign { CampaignId = c.Id, Source = TaskSource.Routine }],
        };
        Problem Problem(Department unit, Campaign? c, ProblemCategory category, TaskSource source, DateOnly found, ProblemStatus status,
            DateOnly? deadline, params (MeasureKind Kind, decimal? Fine)[] measures) => new()
        {
            Category = category, Description = "测试问题", EnterpriseId = enterprise, Source = source, FoundOn = found, CampaignId = c?.Id, UnitId = unit.Id,
            Status = status, RectificationDeadline = deadline, CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test",
            Measures = [.. measures.Select(m => new ProblemMeasure { Kind = m.Kind, FineWan = m.Fine, TakenOn = found, RecordedAtUtc = DateTime.UtcNow, RecordedBy = "test" })],
        };
        var (a, b) = (units[0], units[1]);
        db.InspectionTasks.AddRange(
            Task(a, D(3, 5), TaskStatus.Done, D(3, 6), campaign),
            Task(a, D(3, 20), TaskStatus.Planned, null, campaign),
            Task(a, D(4, 1), TaskStatus.Cancelled, null, campaign),
            Task(b, D(5, 10), TaskStatus.Done, D(6, 1), null));
        db.Problems.AddRange(
            Problem(a, campaign, ProblemCategory.Water, TaskSource.Complaint, D(3, 6), ProblemStatus.Closed, D(4, 6), (MeasureKind.Penalty, 1.5m), (MeasureKind.WrittenOrder, null)),
            Problem(a, campaign, ProblemCategory.Air, TaskSource.RandomDraw, D(3, 6), ProblemStatus.Open, new DateOnly(2020, 1, 1), (MeasureKind.CriticismEducation, null)),
            Problem(b, null, ProblemCategory.Water, TaskSource.Routine, D(6, 1), ProblemStatus.AwaitingVerification, null, (MeasureKind.Penalty, 0.25m)));
        if (busy) AddBusyYear(db, year, [a, b], [campaign, other], Task, Problem);
        await db.SaveChangesAsync();
        return new(year, a.Id, a.Name, b.Id, b.Name, campaign.Id);
    }

    /// <summary>A fuller year for the screenshot: work in every month, so the charts show their shape.</summary>
    private static void AddBusyYear(EcoEnforceDb db, int year, Department[] units, Campaign[] campaigns,
        Func<Department, DateOnly, TaskStatus, DateOnly?, Campaign?, InspectionTask> task,
        Func<Department, Campaign?, ProblemCategory, TaskSource, DateOnly, ProblemStatus, DateOnly?, (MeasureKind, decimal?)[], Problem> problem)
    {
        for (var month = 1; month <= 12; month++)
        {
            for (var i = 0; i < 3 + month % 4 * 2; i++)
            {
                var day = new DateOnly(year, month, 1 + i * 2);
                var unit = units[i % 2];
                var campaign = campaigns[(i + month) % 2];
                var done = month <= 10 && i % 5 != 4;
                db.InspectionTasks.Add(task(unit, day, done ? TaskStatus.Done : TaskStatus.Planned, done ? day : null, campaign));
                if (!done || (i + month) % 3 == 0) continue;
                var status = month < 8 ? ProblemStatus.Closed : (i % 2 == 0 ? ProblemStatus.Open : ProblemStatus.AwaitingVerification);
                (MeasureKind, decimal?)[] measures = i % 4 == 0 ? [(MeasureKind.Penalty, 0.5m + month / 10m)] : [(MeasureKind.WrittenOrder, null)];
                db.Problems.Add(problem(unit, campaign, (ProblemCategory)((i + month) % 7), (TaskSource)((i * 3 + month) % 6), day, status,
                    day.AddDays(30), measures));
            }
        }
    }
}
