using EcoEnforce.Campaigns;
using EcoEnforce.Core.Tests.Problems;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Organisation;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Core.Tests.Reports.Summary;

/// <summary>A small 2022 ledger whose figures are worked out by hand (today is 2022-09-20):
/// <list type="bullet">
/// <item>甲公司: a water inspection done 03-10 (window from 03-07) that found a water problem, penalised 1.5 万元 and
/// closed; a planned inspection with its window from 05-12; an air problem found 05-20, deadline 06-19, still open
/// (overdue).</item>
/// <item>核技术乙: a nuclear inspection done 06-08 (window from 06-05) by 张三 and 李四 that found an "other" problem,
/// penalised 0.8 万元, deadline 10-08, open (整改中).</item>
/// <item>核技术丙: a nuclear user never inspected; a cancelled task that counts nowhere.</item>
/// </list>
/// So: planned 3 (Mar, May, Jun), done 2, found 3, closed 1, overdue 1, fines 2.3 万元, rate 33.3%.</summary>
internal sealed class SummaryLedger : IDisposable
{
    public ProblemTestDb Db { get; } = new();
    public int NuclearCampaignId { get; private set; }
    public int WaterProblemId { get; private set; }
    public int AirProblemId { get; private set; }
    public int NuclearProblemId { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SummaryLedger> CreateAsync()
    {
        var ledger = new SummaryLedger();
        await ledger.FillAsync();
        return ledger;
    }

    private async Task FillAsync()
    {
        var company = await Db.AddEnterpriseAsync("甲公司");
        var nuclearUser = await Db.AddEnterpriseAsync("核技术乙医院");
        var neverVisited = await Db.AddEnterpriseAsync("核技术丙公司");
        using (var scope = Db.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var plan = await db.Plans.FirstAsync(Ct);
            var nuclear = new Campaign { PlanId = plan.Id, SortOrder = 6, Kind = CampaignKind.NuclearRadiation, Title = "核与辐射安全专项执法现场检查计划", ShortName = "核与辐射", TargetUnitCount = 84 };
            db.Campaigns.Add(nuclear);
            foreach (var e in await db.Enterprises.Where(e => e.Id == nuclearUser || e.Id == neverVisited).ToListAsync(Ct)) e.IsNuclearTechUser = true;
            db.Inspectors.AddRange(Officer("张三", Db.LiduId), Officer("李四", Db.LiduId));
            await db.SaveChangesAsync(Ct);
            NuclearCampaignId = nuclear.Id;
        }

        var waterTask = await TaskAsync(company, new DateOnly(2022, 3, 10), TaskStatus.Done, Db.WaterCampaignId);
        await TaskAsync(company, new DateOnly(2022, 5, 15), TaskStatus.Planned, Db.WaterCampaignId);
        await TaskAsync(neverVisited, new DateOnly(2022, 7, 15), TaskStatus.Cancelled, NuclearCampaignId);
        var nuclearTask = await TaskAsync(nuclearUser, new DateOnly(2022, 6, 8), TaskStatus.Done, NuclearCampaignId, "张三", "李四");

        WaterProblemId = await Db.OpenAsync(ProblemTestDb.Water(company, new DateOnly(2022, 3, 10), waterTask, Db.WaterCampaignId));
        AirProblemId = await Db.OpenAsync(ProblemTestDb.Water(company, new DateOnly(2022, 5, 20), null, Db.AirCampaignId) with
        { Category = ProblemCategory.Air, Description = "VOCs 收集处理设施未运行" });
        NuclearProblemId = await Db.OpenAsync(ProblemTestDb.Water(nuclearUser, new DateOnly(2022, 6, 8), nuclearTask, NuclearCampaignId) with
        { Category = ProblemCategory.Other, CategoryOther = "辐射安全", Description = "未按规定开展辐射工作人员个人剂量监测", RectificationDeadline = new DateOnly(2022, 10, 8) });

        // Measures and closing are set directly: the summary reads the ledger, however it got there.
        using (var scope = Db.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            db.ProblemMeasures.AddRange(Penalty(WaterProblemId, 1.5m), Penalty(NuclearProblemId, 0.8m),
                new ProblemMeasure { ProblemId = AirProblemId, Kind = MeasureKind.WrittenOrder, TakenOn = new DateOnly(2022, 5, 20), RecordedBy = "测试员" });
            var water = await db.Problems.FirstAsync(p => p.Id == WaterProblemId, Ct);
            water.Status = ProblemStatus.Closed;
            water.RectifiedOn = new DateOnly(2022, 4, 1);
            await db.SaveChangesAsync(Ct);
        }
    }

    private async Task<int> TaskAsync(int enterpriseId, DateOnly day, TaskStatus status, int campaignId, params string[] team)
    {
        var id = await Db.AddTaskAsync(enterpriseId, day, status);
        using var scope = Db.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var task = await db.InspectionTasks.FirstAsync(t => t.Id == id, Ct);
        task.Campaigns.Add(new TaskCampaign { CampaignId = campaignId, Source = TaskSource.RandomDraw });
        foreach (var name in team) task.Inspectors.Add(new TaskInspector { InspectorId = await db.Inspectors.Where(i => i.Name == name).Select(i => i.Id).FirstAsync(Ct) });
        await db.SaveChangesAsync(Ct);
        return id;
    }

    private static ProblemMeasure Penalty(int problemId, decimal wan) => new()
    {
        ProblemId = problemId, Kind = MeasureKind.Penalty, TakenOn = new DateOnly(2022, 3, 20), DecisionNumber = "渝（涪）环罚〔2022〕1号", FineWan = wan, RecordedBy = "测试员",
    };

    private static Inspector Officer(string name, int departmentId) => new()
    {
        Name = name, DepartmentId = departmentId, CertificateNumber = $"500102{name.GetHashCode() & 0xFFFF:D6}",
        CertificateValidFrom = new DateOnly(2020, 1, 1), CertificateValidTo = new DateOnly(2025, 12, 31),
    };

    public async Task<EcoEnforce.Reports.Summary.AnnualSummary> SummaryAsync(int? campaignId = null)
    {
        using var scope = Db.NewScope();
        var summary = await EcoEnforce.Reports.Summary.SummaryQuery.ComputeAsync(scope.ServiceProvider.GetRequiredService<EcoEnforceDb>(), Db.Clock, 2022, campaignId, Ct);
        return summary ?? throw new InvalidOperationException("no 2022 plan");
    }

    public void Dispose() => Db.Dispose();
}
