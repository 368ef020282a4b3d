using System.Security.Claims;
using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Api;

/// <summary>双随机 draws: commit (freeze the pool, commit to a seed), execute, read, export for verification.
/// Reading a draw whose inspections have not happened is limited to leaders and the drawn officers, and audited.</summary>
public static class DrawsApi
{
    public sealed record CreateDrawRequest(int RuleSetId, int Year, int? Quarter, DateOnly? WindowStart, DateOnly? WindowEnd,
        int? ReplacesDrawId, string? Reason, bool Execute);

    public sealed record TaskDto(int Order, string CreditCode, string Name, string Stratum, IReadOnlyList<string> Inspectors);

    public sealed record DrawDto(int Id, string Title, int CampaignId, string PeriodLabel, DateOnly WindowStart, DateOnly WindowEnd,
        string Status, int PoolSize, int InspectorPoolSize, string SeedSha256, DateTime CommittedAtUtc, string? Seed, DateTime? ExecutedAtUtc,
        int? ReplacesDrawId, string? Reason, IReadOnlyList<StratumCount>? Counts, IReadOnlyList<TaskDto>? Tasks);

    public static void MapDrawsApi(this RouteGroupBuilder v1)
    {
        var draws = v1.MapGroup("/draws").WithTags("双随机抽查");
        draws.MapPost("/", CreateAsync).RequireAuthorization(Infrastructure.Policies.Editor)
            .WithSummary("冻结名单并承诺种子（execute=true 时随即揭示种子并抽取）");
        draws.MapPost("/{id:int}/execute", ExecuteAsync).RequireAuthorization(Infrastructure.Policies.Editor).WithSummary("揭示种子并抽取");
        draws.MapGet("/{id:int}", GetAsync).RequireAuthorization(Infrastructure.Policies.Staff).WithSummary("抽查记录");
        draws.MapGet("/{id:int}/export", ExportAsync).RequireAuthorization(Infrastructure.Policies.Staff)
            .WithSummary("可复核的抽查导出文件（ecoenforce draws verify 校验）");
    }

    private static async Task<Results<Created<DrawDto>, ValidationProblem>> CreateAsync(CreateDrawRequest request, CommitDraw.Handler commit,
        ExecuteDraw.Handler execute, EcoEnforceDb db, CancellationToken ct)
    {
        var committed = await commit.HandleAsync(new CommitDraw.Command(request.RuleSetId, request.Year, request.Quarter, request.WindowStart,
            request.WindowEnd, request.ReplacesDrawId, request.Reason), ct);
        if (!committed.Succeeded) return Problem(committed.Errors);
        if (request.Execute)
        {
            var run = await execute.HandleAsync(new ExecuteDraw.Command(committed.Value), ct);
            if (!run.Succeeded) return Problem(run.Errors);
        }
        var draw = await db.Draws.AsNoTracking().FirstAsync(d => d.Id == committed.Value, ct);
        return TypedResults.Created($"/api/v1/draws/{draw.Id}", Dto(draw));
    }

    private static async Task<Results<Ok<DrawDto>, ValidationProblem, NotFound>> ExecuteAsync(int id, ExecuteDraw.Handler execute, EcoEnforceDb db,
        CancellationToken ct)
    {
        if (!await db.Draws.AnyAsync(d => d.Id == id, ct)) return TypedResults.NotFound();
        var run = await execute.HandleAsync(new ExecuteDraw.Command(id), ct);
        if (!run.Succeeded) return Problem(run.Errors);
        return TypedResults.Ok(Dto(await db.Draws.AsNoTracking().FirstAsync(d => d.Id == id, ct)));
    }

    private static async Task<Results<Ok<DrawDto>, NotFound, ForbidHttpResult>> GetAsync(int id, ClaimsPrincipal user, EcoEnforceDb db, IActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null) return TypedResults.NotFound();
        if (!await DrawAccess.CanViewAsync(db, user, draw, ct)) return TypedResults.Forbid();
        await DrawAccess.RecordViewAsync(db, actor, clock, draw, "API 查看抽查记录", ct);
        return TypedResults.Ok(Dto(draw));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult, ValidationProblem>> ExportAsync(int id, ClaimsPrincipal user,
        EcoEnforceDb db, IActor actor, TimeProvider clock, CancellationToken ct)
    {
        var draw = await db.Draws.AsNoTracking().Include(d => d.Campaign).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draw is null) return TypedResults.NotFound();
        if (!await DrawAccess.CanViewAsync(db, user, draw, ct)) return TypedResults.Forbid();
        if (draw.Status != DrawStatus.Executed) return Problem([new FieldError("Status", "抽查尚未执行，种子未揭示，暂不能导出")]);
        await DrawAccess.RecordViewAsync(db, actor, clock, draw, "导出抽查记录", ct);
        var json = DrawExportJson.ToJson(DrawExports.For(draw, draw.Campaign!.Title));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"draw-{draw.Id}.json");
    }

    private static DrawDto Dto(Draw draw)
    {
        DrawOutcome? outcome = draw.OutcomeJson is null ? null : DrawJson.Deserialize<DrawOutcome>(draw.OutcomeJson);
        List<TaskDto>? tasks = null;
        if (outcome is not null)
        {
            var stored = DrawJson.Deserialize<DrawJson.StoredInput>(draw.InputJson);
            var names = stored.Pool.ToDictionary(o => o.Key, o => o.Name);
            var officers = stored.Inspectors.ToDictionary(i => i.Key, i => i.Name);
            tasks = [.. outcome.Tasks.Select(t => new TaskDto(t.Order, t.ObjectKey, names[t.ObjectKey], t.Stratum, [.. t.InspectorKeys.Select(k => officers[k])]))];
        }
        return new DrawDto(draw.Id, draw.Title, draw.CampaignId, draw.PeriodLabel, draw.WindowStart, draw.WindowEnd, draw.Status.ToString(),
            draw.PoolSize, draw.InspectorPoolSize, draw.SeedSha256, draw.CommittedAtUtc,
            draw.Status == DrawStatus.Executed ? draw.Seed : null, draw.ExecutedAtUtc, draw.ReplacesDrawId, draw.Reason, outcome?.Counts, tasks);
    }

    private static ValidationProblem Problem(IReadOnlyList<FieldError> errors) => errors.ToValidationProblem();
}
