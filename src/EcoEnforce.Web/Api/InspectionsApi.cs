using System.Security.Claims;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Api;

/// <summary>Inspection tasks (the caller's own team's, or all for leaders) and the problem ledger.</summary>
public static class InspectionsApi
{
    public sealed record TaskDto(int Id, string Entity, string? Township, IReadOnlyList<string> Campaigns, string Source, string Mode, bool Unannounced,
        DateOnly WindowStart, DateOnly WindowEnd, DateOnly? PlannedOn, string Status, IReadOnlyList<string> Team);

    public sealed record AnswerDto(int CheckItemId, string CheckItem, string Answer, string? Note);

    public sealed record RecordDto(DateTime StartedAtUtc, DateTime? FinishedAtUtc, double? Latitude, double? Longitude, IReadOnlyList<string> Present,
        string Findings, IReadOnlyList<AnswerDto> Answers);

    public sealed record TaskDetailDto(TaskDto Task, DateOnly? InspectedOn, string? CancelReason, int Version, RecordDto? Record);

    public sealed record ProblemDto(int Id, string Category, string Description, int EnterpriseId, string Enterprise, string Source, DateOnly FoundOn,
        int? TaskId, int? CampaignId, DateOnly? RectificationDeadline, string Status, bool Overdue, IReadOnlyList<string> Measures, decimal TotalFineWan);

    public static void MapInspectionsApi(this RouteGroupBuilder v1)
    {
        var inspections = v1.MapGroup("/inspections").WithTags("现场检查").RequireAuthorization(Infrastructure.Policies.Staff);
        inspections.MapGet("/", ListAsync).WithSummary("检查任务：本人所在检查组的任务；领导可查看全部（mine=false）");
        inspections.MapGet("/{id:int}", GetAsync).WithSummary("检查任务及其现场检查笔录");
        var problems = v1.MapGroup("/problems").WithTags("问题台账").RequireAuthorization(Infrastructure.Policies.Staff);
        problems.MapGet("/", ProblemsAsync).WithSummary("问题台账（附表2 字段），可按类别、来源、措施、状态、乡镇、专项、年度、月份、逾期筛选；分页（pageSize 1–1000）");
    }

    private static async Task<Ok<List<TaskDto>>> ListAsync(ClaimsPrincipal user, EcoEnforceDb db, CancellationToken ct, bool mine = true,
        EcoEnforce.Inspections.TaskStatus? status = null, int? campaignId = null, int? townshipId = null, TaskSource? source = null)
    {
        var rows = await TaskQueries.ListAsync(db, user, new TaskQueries.Filter(mine, status, campaignId, townshipId, source), 1000, ct);
        return TypedResults.Ok(rows.Select(r => new TaskDto(r.Id, r.Entity, r.Township, r.Campaigns, r.Source.ToString(), r.Mode.ToString(), r.Unannounced,
            r.WindowStart, r.WindowEnd, r.PlannedOn, r.Status.ToString(), r.Team)).ToList());
    }

    private static async Task<Results<Ok<TaskDetailDto>, NotFound, ForbidHttpResult>> GetAsync(int id, ClaimsPrincipal user, EcoEnforceDb db, CancellationToken ct)
    {
        var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Enterprise!).ThenInclude(e => e.Township)
            .Include(t => t.Campaigns).ThenInclude(c => c.Campaign).Include(t => t.Inspectors).ThenInclude(i => i.Inspector)
            .AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return TypedResults.NotFound();
        if (!await TaskQueries.CanViewAsync(db, user, id, ct)) return TypedResults.Forbid();
        var record = await db.InspectionRecords.AsNoTracking().Include(r => r.Present).ThenInclude(p => p.Inspector)
            .Include(r => r.Answers).ThenInclude(a => a.CheckItem).AsSplitQuery().FirstOrDefaultAsync(r => r.TaskId == id, ct);
        var dto = new TaskDto(task.Id, task.Enterprise!.Name, task.Enterprise.Township?.Name, [.. task.Campaigns.Select(c => c.Campaign!.ShortName)],
            task.Source.ToString(), task.Mode.ToString(), task.Unannounced, task.WindowStart, task.WindowEnd, task.PlannedOn, task.Status.ToString(),
            [.. task.Inspectors.Select(i => i.Inspector!.Name)]);
        return TypedResults.Ok(new TaskDetailDto(dto, task.InspectedOn, task.CancelReason, task.Version, record is null ? null : new RecordDto(
            record.StartedAtUtc, record.FinishedAtUtc, record.Latitude, record.Longitude, [.. record.Present.Select(p => $"{p.Inspector!.Name}（{p.CertificateNumber}）")],
            record.Findings, [.. record.Answers.Select(a => new AnswerDto(a.CheckItemId, a.CheckItem!.Text, a.Answer.ToString(), a.Note))])));
    }

    /// <summary>A page at a time (the ledger holds every year's problems), oldest first like the 附表2 numbering.</summary>
    private static async Task<Results<Ok<EntitiesApi.PageDto<ProblemDto>>, ValidationProblem>> ProblemsAsync(EcoEnforce.Problems.Ledger.Handler ledger,
        CancellationToken ct, ProblemCategory? category = null, TaskSource? source = null, MeasureKind? measure = null, ProblemStatus? status = null,
        int? townshipId = null, int? campaignId = null, DateOnly? month = null, bool? overdue = null, int? year = null, int page = 1, int pageSize = 200)
    {
        if (pageSize is < 1 or > 1000 || page < 1)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = ["page ≥ 1，pageSize 为 1–1000"] });
        if (year is < 1 or > 9999)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["year 为 1–9999"] });
        var result = await ledger.PageAsync(new EcoEnforce.Problems.Ledger.Filter
        {
            Category = category, Source = source, Measure = measure, Status = status, TownshipId = townshipId, CampaignId = campaignId,
            Month = month, Overdue = overdue,
            FoundFrom = year is { } from ? new DateOnly(from, 1, 1) : null, FoundTo = year is { } to ? new DateOnly(to, 12, 31) : null,
        }, page, pageSize, ct);
        return TypedResults.Ok(new EntitiesApi.PageDto<ProblemDto>([.. result.Rows.Select(r => new ProblemDto(r.Id, r.CategoryLabel, r.Description,
            r.EnterpriseId, r.EnterpriseName, r.SourceLabel, r.FoundOn, r.TaskId, r.CampaignId, r.RectificationDeadline, r.Status.ToString(), r.IsOverdue,
            [.. r.Measures.OrderBy(m => m).Select(m => m.ToString())], r.TotalFineWan))], result.Total, result.PageNumber, pageSize));
    }
}
