using EcoEnforce.Campaigns;
using EcoEnforce.Inspections;
using EcoEnforce.Organisation;
using EcoEnforce.Problems;
using EcoEnforce.Registry;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Demo;

/// <summary>Inspections carried out in 2022 and the problems they found, so that the ledger, the monthly reports, the
/// dashboard and the summary have something to show. Deterministic; case-triggered sources only (complaints, data leads,
/// routine checks), so no demo task counts against the 双随机 frequency caps. Half the water inspections are led by
/// townships and streets (属地), the rest by the enforcement detachment and the sections.</summary>
public static class DemoInspections
{
    public const string Actor = "示例数据";

    private static readonly (ProblemCategory Category, string Text)[] WaterProblems =
    [
        (ProblemCategory.Water, "污水处理设施未正常运行，二沉池出水浑浊"),
        (ProblemCategory.Water, "雨污未分流，生产废水混入雨水管网"),
        (ProblemCategory.Water, "餐饮废水未经隔油处理直排市政管网"),
        (ProblemCategory.Water, "入河排污口标识牌缺失，未设置采样口"),
        (ProblemCategory.Permit, "排污许可证执行报告未按时提交"),
        (ProblemCategory.AutoMonitoring, "在线监测设备运维记录不全，比对监测超期"),
        (ProblemCategory.SolidHazardousWaste, "危险废物贮存场所未设置防渗和标识"),
        (ProblemCategory.Water, "初期雨水收集池未建成，厂区地面冲洗水外溢"),
    ];

    private static readonly (TaskSource Source, string? Note)[] Sources =
    [
        (TaskSource.Routine, null), (TaskSource.Routine, null), (TaskSource.Complaint, "12345 工单（示例）"),
        (TaskSource.DataLead, "自动监控数据异常线索（示例）"), (TaskSource.Referral, "市局转办（示例）"),
    ];

    private static readonly string[] LeadUnits = ["李渡街道", "龙桥街道", "白涛街道", "清溪镇", "蔺市镇"];

    /// <summary>The tasks, and the problems with the task each was found at (its id is known only once the task is saved).</summary>
    public static (List<InspectionTask> Tasks, List<(InspectionTask Task, Problem Problem)> Problems) Generate(
        IReadOnlyList<Enterprise> enterprises, IReadOnlyList<Inspector> inspectors, IReadOnlyList<Campaign> campaigns,
        IReadOnlyList<Department> departments, DateTime nowUtc)
    {
        var random = new Random(DemoData.Seed + 212);
        var water = campaigns.Single(c => c.Kind == CampaignKind.Water);
        var officers = inspectors.Where(i => i.CertificateValidTo.Year > 2022).ToList();
        var townships = departments.Where(d => LeadUnits.Contains(d.Name)).ToList();
        var tasks = new List<InspectionTask>();
        var problems = new List<(InspectionTask, Problem)>();
        for (var month = 4; month <= 11; month++)
        {
            for (var n = 0; n < 8; n++)
            {
                var township = townships[(month + n) % townships.Count];
                var local = n % 2 == 0;
                var candidates = enterprises.Where(e => e.TownshipId == township.Id).ToList();
                var enterprise = candidates.Count > 0 && local ? candidates[random.Next(candidates.Count)] : enterprises[random.Next(enterprises.Count)];
                var lead = officers[random.Next(officers.Count)];
                var second = officers.Where(o => o != lead).ElementAt(random.Next(officers.Count - 1));
                var day = new DateOnly(2022, month, 1 + random.Next(DateTime.DaysInMonth(2022, month)));
                var (source, note) = Sources[random.Next(Sources.Length)];
                var cancelled = random.Next(20) == 0;
                var task = new InspectionTask
                {
                    Enterprise = enterprise, UnitId = local ? township.Id : lead.DepartmentId, Source = source, SourceNote = note,
                    Mode = InspectionMode.OnSite, PlannedOn = day, WindowStart = day.AddDays(-5), WindowEnd = day.AddDays(5),
                    Status = cancelled ? TaskStatus.Cancelled : TaskStatus.Done, InspectedOn = cancelled ? null : day,
                    CancelReason = cancelled ? "企业停产，改为下月检查（示例）" : null, CreatedAtUtc = nowUtc,
                    Campaigns = [new TaskCampaign { CampaignId = water.Id, Source = source }],
                    Inspectors = [new TaskInspector { Inspector = lead }, new TaskInspector { Inspector = second }],
                };
                tasks.Add(task);
                if (!cancelled && random.Next(100) < 45) problems.Add((task, ProblemAt(task, enterprise, water, day, random, nowUtc)));
            }
        }
        // Decision numbers run in order through the year, as a register would number them.
        var number = 100;
        foreach (var measure in problems.SelectMany(p => p.Item2.Measures).Where(m => m.Kind == MeasureKind.Penalty).OrderBy(m => m.TakenOn))
            measure.DecisionNumber = $"渝（涪）环罚〔2022〕{++number}号（示例）";
        return (tasks, problems);
    }

    private static Problem ProblemAt(InspectionTask task, Enterprise enterprise, Campaign campaign, DateOnly day, Random random, DateTime nowUtc)
    {
        var (category, text) = WaterProblems[random.Next(WaterProblems.Length)];
        var deadline = day.AddDays(15 + random.Next(46));
        var problem = new Problem
        {
            Category = category, Description = text, Enterprise = enterprise, Source = task.Source, FoundOn = day,
            CampaignId = campaign.Id, UnitId = task.UnitId, RectificationDeadline = deadline, Status = ProblemStatus.Open,
            CreatedAtUtc = nowUtc, CreatedBy = Actor,
        };
        Event(problem, ProblemEventKind.Opened, day, $"现场检查发现问题（{Common.Labels.ProblemCategories[category]}），整改时限 {deadline:yyyy-MM-dd}", nowUtc);
        var roll = random.Next(100);
        Measure(problem, roll < 30 ? MeasureKind.CriticismEducation : MeasureKind.WrittenOrder, day, null, nowUtc);
        if (roll >= 70)
        {
            var fine = Math.Round((decimal)(0.5 + random.NextDouble() * 19.5), 2);
            Measure(problem, MeasureKind.Penalty, day.AddDays(20), fine, nowUtc);
        }
        if (roll >= 95) Measure(problem, MeasureKind.Interview, day.AddDays(3), null, nowUtc);
        // Most are put right and verified in time; some wait for the follow-up; a few are overdue.
        var outcome = random.Next(100);
        var rectified = deadline.AddDays(-random.Next(10));
        if (outcome < 70 && rectified < new DateOnly(2022, 12, 15))
        {
            problem.Status = ProblemStatus.Closed;
            problem.RectifiedOn = rectified;
            problem.ClosedAtUtc = Common.ChinaTime.StartOfDayUtc(rectified.AddDays(3)).AddHours(10);
            Event(problem, ProblemEventKind.RectificationReported, rectified, "企业报告整改完成", nowUtc);
            Event(problem, ProblemEventKind.Closed, rectified.AddDays(3), "回头看核查整改到位，销号", nowUtc);
        }
        else if (outcome < 85)
        {
            problem.Status = ProblemStatus.AwaitingVerification;
            problem.RectifiedOn = rectified;
            Event(problem, ProblemEventKind.RectificationReported, rectified, "企业报告整改完成，待回头看核查", nowUtc);
        }
        return problem;
    }

    private static void Measure(Problem problem, MeasureKind kind, DateOnly on, decimal? fine, DateTime nowUtc)
    {
        problem.Measures.Add(new ProblemMeasure
        {
            Kind = kind, TakenOn = on, FineWan = fine, RecordedAtUtc = nowUtc, RecordedBy = Actor,
        });
        Event(problem, ProblemEventKind.MeasureAdded, on, Common.Labels.MeasureKinds[kind] + (fine is { } f ? $"，罚款 {f} 万元" : ""), nowUtc);
    }

    private static void Event(Problem problem, ProblemEventKind kind, DateOnly on, string text, DateTime nowUtc) =>
        problem.Events.Add(new ProblemEvent { Kind = kind, OccurredOn = on, RecordedAtUtc = nowUtc, Actor = Actor, Text = text });
}
