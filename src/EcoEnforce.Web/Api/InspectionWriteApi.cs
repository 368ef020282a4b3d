using System.Security.Claims;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Api;

/// <summary>The same steps as the task and problem pages, for mobile clients and other systems: create a task, start,
/// record, complete or cancel it; open a problem, add measures, report rectification, record the 回头看 verification.
/// Each change carries the version the caller saw; the rules are the handlers', the messages Chinese.</summary>
public static class InspectionWriteApi
{
    public sealed record StartRequest(int Version, IReadOnlyList<int> PresentInspectorIds, double? Latitude, double? Longitude, double? AccuracyMetres,
        string? EntityRepresentative);

    public sealed record RecordRequest(int Version, IReadOnlyList<WorkOnTask.Answer> Answers, string? Findings);

    public sealed record VersionRequest(int Version);

    public sealed record CancelRequest(int Version, string Reason);

    public sealed record MeasureRequest(MeasureKind Kind, DateOnly TakenOn, string? DecisionNumber, decimal? FineWan, string? Note, int? Version);

    public sealed record RectificationRequest(DateOnly RectifiedOn, string? Note, int? Version);

    public sealed record VerificationRequest(int FollowUpTaskId, bool Rectified, string? Note, int? Version);

    public sealed record Created(int Id);

    public static void MapInspectionWriteApi(this RouteGroupBuilder v1)
    {
        var tasks = v1.MapGroup("/inspections").WithTags("现场检查").RequireAuthorization(Infrastructure.Policies.Staff);
        tasks.MapPost("/", (CreateTask.Command c, CreateTask.Handler h, CancellationToken ct) => Done(h.HandleAsync(c, ct)))
            .RequireAuthorization(Infrastructure.Policies.Editor).WithSummary("新建个案检查任务（投诉、转办、移交、数据线索、日常排查）");
        tasks.MapPost("/{id:int}/start", (int id, StartRequest r, WorkOnTask.Handler h, EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct) =>
            OnTaskAsync(db, user, id, () => h.StartAsync(new WorkOnTask.Start(id, r.Version, r.PresentInspectorIds, r.Latitude, r.Longitude,
                r.AccuracyMetres, r.EntityRepresentative), ct), ct)).WithSummary("开始现场检查（到场执法人员不少于 2 名）");
        tasks.MapPost("/{id:int}/record", (int id, RecordRequest r, WorkOnTask.Handler h, EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct) =>
            OnTaskAsync(db, user, id, () => h.SaveRecordAsync(new WorkOnTask.SaveRecord(id, r.Version, r.Answers, r.Findings), ct), ct))
            .WithSummary("保存检查表答案和检查情况");
        tasks.MapPost("/{id:int}/complete", (int id, VersionRequest r, WorkOnTask.Handler h, EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct) =>
            OnTaskAsync(db, user, id, () => h.CompleteAsync(new WorkOnTask.Complete(id, r.Version), ct), ct)).WithSummary("完成检查");
        tasks.MapPost("/{id:int}/cancel", (int id, CancelRequest r, WorkOnTask.Handler h, EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct) =>
            OnTaskAsync(db, user, id, () => h.CancelAsync(new WorkOnTask.Cancel(id, r.Version, r.Reason), ct), ct)).WithSummary("取消任务（须说明理由）");

        var problems = v1.MapGroup("/problems").WithTags("问题台账").RequireAuthorization(Infrastructure.Policies.Staff);
        problems.MapPost("/", async (OpenProblem.Command c, OpenProblem.Handler h, EcoEnforceDb db, ClaimsPrincipal user, IAuthorizationService auth, CancellationToken ct) =>
        {
            var allowed = await auth.IsEditorAsync(user) || (c.TaskId is { } task && await TaskAccess.CanWorkOnAsync(db, user, task, ct));
            return allowed ? await Done(h.HandleAsync(c, ct)) : TypedResults.Forbid();
        }).WithSummary("登记问题（附表2 字段）");
        problems.MapPost("/{id:int}/measures", (int id, MeasureRequest r, AddMeasure.Handler h, EcoEnforceDb db, ClaimsPrincipal user, IAuthorizationService auth,
            CancellationToken ct) => OnProblemAsync(db, user, auth, id, () => h.HandleAsync(new AddMeasure.Command(id, r.Kind, r.TakenOn, r.DecisionNumber,
                r.FineWan, r.Note, r.Version), ct), ct)).WithSummary("记录处理措施（罚款以万元计，最多 4 位小数）");
        problems.MapPost("/{id:int}/rectification", (int id, RectificationRequest r, ReportRectification.Handler h, EcoEnforceDb db, ClaimsPrincipal user,
            IAuthorizationService auth, CancellationToken ct) => OnProblemAsync(db, user, auth, id,
                () => h.HandleAsync(new ReportRectification.Command(id, r.RectifiedOn, r.Note, r.Version), ct), ct)).WithSummary("报告已整改，待回头看核实");
        problems.MapPost("/{id:int}/verification", (int id, VerificationRequest r, RecordVerification.Handler h, EcoEnforceDb db, ClaimsPrincipal user,
            IAuthorizationService auth, CancellationToken ct) => OnProblemAsync(db, user, auth, id,
                () => h.HandleAsync(new RecordVerification.Command(id, r.FollowUpTaskId, r.Rectified, r.Note, r.Version), ct), ct))
            .WithSummary("记录回头看核实结果（须有已完成的回头看检查）");
    }

    private static async Task<Results<Ok<Created>, ValidationProblem, ForbidHttpResult, NotFound>> OnTaskAsync(EcoEnforceDb db, ClaimsPrincipal user, int id,
        Func<Task<Result<int>>> action, CancellationToken ct)
    {
        if (!await db.InspectionTasks.AnyAsync(t => t.Id == id, ct)) return TypedResults.NotFound();
        if (!await TaskAccess.CanWorkOnAsync(db, user, id, ct)) return TypedResults.Forbid();
        return await Done(action());
    }

    private static async Task<Results<Ok<Created>, ValidationProblem, ForbidHttpResult, NotFound>> OnProblemAsync(EcoEnforceDb db, ClaimsPrincipal user,
        IAuthorizationService auth, int id, Func<Task<Result<int>>> action, CancellationToken ct)
    {
        var problem = await db.Problems.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.TaskId }).FirstOrDefaultAsync(ct);
        if (problem is null) return TypedResults.NotFound();
        var allowed = await auth.IsEditorAsync(user) || (problem.TaskId is { } task && await TaskAccess.CanWorkOnAsync(db, user, task, ct));
        return allowed ? await Done(action()) : TypedResults.Forbid();
    }

    private static async Task<Results<Ok<Created>, ValidationProblem, ForbidHttpResult, NotFound>> Done(Task<Result<int>> action)
    {
        var result = await action;
        return result.Succeeded
            ? TypedResults.Ok(new Created(result.Value))
            : result.Errors.ToValidationProblem();
    }
}
