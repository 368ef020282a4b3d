using System.Security.Claims;
using EcoEnforce.Common;
using EcoEnforce.Complaints;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Api;

/// <summary>Complaints, their import and the hot spots. Liaison officers get their own township's complaints without
/// any personal data; staff get the complainant masked in lists and in full on one complaint.</summary>
public static class ComplaintsApi
{
    public sealed record ComplaintDto(int Id, string Channel, string? ExternalNumber, DateTime ReceivedAtUtc, string Text, string? Address,
        double? Latitude, double? Longitude, string SuggestedCategory, string? Category, bool IsNight, bool IsUrgent, string? UrgentReason,
        int? EnterpriseId, string? Enterprise, string MatchMethod, double MatchConfidence, string MatchStatus, int? DuplicateOfId, string? Township,
        string Status, int? TaskId, bool IsDemo, string? ComplainantName, string? ComplainantPhone);

    public sealed record ImportDto(int Imported, int Merged, int NeedsReview, int Urgent, int Skipped);

    public static void MapComplaintsApi(this RouteGroupBuilder v1)
    {
        var complaints = v1.MapGroup("/complaints").WithTags("投诉举报").RequireAuthorization(Infrastructure.Policies.StaffOrLiaison);
        complaints.MapGet("/", ListAsync).WithSummary("投诉列表（from、to 为北京时间日期；urgent、status 筛选），最多1000条");
        complaints.MapGet("/{id:int}", GetAsync).WithSummary("一件投诉");
        complaints.MapGet("/hotspots", HotSpotsAsync).WithSummary("投诉热点（DBSCAN，按得分排序）");
        // The form is read by hand, as for evidence uploads; a cookie caller must still show an antiforgery token.
        complaints.MapPost("/import", ImportAsync).DisableAntiforgery().RequireAuthorization(Infrastructure.Policies.ComplaintHandler)
            .WithSummary("导入12345工单（multipart：file，可选 channel）；任何一行有错误则全部不导入");
    }

    private static async Task<Ok<List<ComplaintDto>>> ListAsync(ClaimsPrincipal user, EcoEnforceDb db, ComplaintQueries queries, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null, bool? urgent = null, ComplaintStatus? status = null)
    {
        var scope = await EcoEnforce.Problems.LiaisonScope.TownshipAsync(db, user, ct);
        var query = queries.Visible(scope).AsNoTracking().Include(c => c.Enterprise).Include(c => c.Township).AsQueryable();
        if (from is { } f) query = query.Where(c => c.ReceivedAtUtc >= ChinaTime.StartOfDayUtc(f));
        if (to is { } t) query = query.Where(c => c.ReceivedAtUtc < ChinaTime.StartOfDayUtc(t.AddDays(1)));
        if (urgent is { } u) query = query.Where(c => c.IsUrgent == u);
        if (status is { } s) query = query.Where(c => c.Status == s);
        var rows = await query.OrderByDescending(c => c.ReceivedAtUtc).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(c => Dto(c, scope is null ? Personal.Masked : Personal.None)).ToList());
    }

    private static async Task<Results<Ok<ComplaintDto>, NotFound>> GetAsync(int id, ClaimsPrincipal user, EcoEnforceDb db, ComplaintQueries queries, CancellationToken ct)
    {
        var scope = await EcoEnforce.Problems.LiaisonScope.TownshipAsync(db, user, ct);
        var c = await queries.Visible(scope).AsNoTracking().Include(x => x.Enterprise).Include(x => x.Township).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(c, scope is null ? Personal.Full : Personal.None));
    }

    private static async Task<Ok<IReadOnlyList<HotSpot>>> HotSpotsAsync(ClaimsPrincipal user, EcoEnforceDb db, ComplaintQueries queries, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null)
    {
        var scope = await EcoEnforce.Problems.LiaisonScope.TownshipAsync(db, user, ct);
        // Without bounds: every complaint the system can hold (the clustering itself is cheap at district scale).
        var start = ChinaTime.StartOfDayUtc(from ?? new DateOnly(2000, 1, 1));
        var end = ChinaTime.StartOfDayUtc((to ?? new DateOnly(2099, 12, 31)).AddDays(1));
        return TypedResults.Ok(await queries.HotSpotsAsync(start, end, scope, ct));
    }

    private static async Task<Results<Ok<ImportDto>, ValidationProblem, BadRequest>> ImportAsync(HttpContext context, ImportComplaints.Handler handler,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return new[] { new FieldError("file", $"文件过大（上限 {Infrastructure.UploadLimits.MaxBytes / 1024 / 1024} MB）") }.ToValidationProblem();
        }
        var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!bearer && !await antiforgery.IsRequestValidAsync(context)) return TypedResults.BadRequest();
        if (form.Files["file"] is not { } file) return new[] { new FieldError("file", "请选择要上传的文件") }.ToValidationProblem();
        var channel = Enum.TryParse<ComplaintChannel>(form["channel"], out var ch) && Enum.IsDefined(ch) ? ch : ComplaintChannel.Hotline12345;
        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var outcome = await handler.HandleAsync(buffer, file.FileName, channel, ct);
        if (!outcome.Succeeded)
            return outcome.Errors.Select(e => new FieldError(e.Row > 0 ? $"第{e.Row}行 {e.Column}" : e.Column, e.Message)).ToValidationProblem();
        return TypedResults.Ok(new ImportDto(outcome.Imported, outcome.Merged, outcome.NeedsReview, outcome.Urgent, outcome.Skipped));
    }

    private enum Personal { None, Masked, Full }

    private static ComplaintDto Dto(Complaint c, Personal personal) => new(c.Id, c.Channel.ToString(), c.ExternalNumber, c.ReceivedAtUtc, c.Text, c.Address,
        c.Latitude, c.Longitude, c.SuggestedCategory.ToString(), c.Category?.ToString(), c.IsNight, c.IsUrgent, c.UrgentReason, c.EnterpriseId, c.Enterprise?.Name,
        c.MatchMethod.ToString(), c.MatchConfidence, c.MatchStatus.ToString(), c.DuplicateOfId, c.Township?.Name, c.Status.ToString(), c.TaskId, c.IsDemo,
        personal switch { Personal.Full => c.ComplainantName, Personal.Masked => NullIfEmpty(ComplaintLabels.MaskName(c.ComplainantName)), _ => null },
        personal switch { Personal.Full => c.ComplainantPhone, Personal.Masked => NullIfEmpty(ComplaintLabels.MaskPhone(c.ComplainantPhone)), _ => null });

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
