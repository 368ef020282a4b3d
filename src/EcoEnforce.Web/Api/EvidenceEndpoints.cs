using System.Security.Claims;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Evidence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EcoEnforce.Web.Api;

/// <summary>Evidence files: upload and list under /api/v1/evidence, the bytes at /evidence/{id} (outside /api so that
/// an &lt;img&gt; on a page uses the session cookie and an expired session leads to the login page).</summary>
public static class EvidenceEndpoints
{
    /// <summary>The file limit plus room for the multipart envelope and the other fields.</summary>
    public const long RequestLimit = EvidenceRules.MaxBytes + 1024 * 1024;

    public sealed record EvidenceDto(int Id, int? TaskId, int? ProblemId, string FileName, string ContentType, long Length, string Sha256,
        string? Caption, DateTime UploadedAtUtc, string UploadedBy, string Url);

    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder v1)
    {
        var api = v1.MapGroup("/evidence").WithTags("证据材料").RequireAuthorization(Infrastructure.Policies.Staff);
        // The form is read by hand (see UploadAsync), so the automatic antiforgery check for form endpoints is off here.
        api.MapPost("/", UploadAsync).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: RequestLimit)
            .WithSummary("上传证据材料（multipart：taskId 或 problemId、file、caption）");
        api.MapGet("/", ListAsync).WithSummary("检查任务或问题的证据材料清单");
        app.MapGet("/evidence/{id:int}", FileAsync).RequireAuthorization(Infrastructure.Policies.Staff).ExcludeFromDescription();
        return app;
    }

    /// <summary>Bearer callers need no antiforgery token (the token is not sent by the browser on its own); a request
    /// carried by the session cookie must show one, checked after the form is read so that an oversize upload gets a
    /// Chinese message rather than a bare 400.</summary>
    private static async Task<Results<Created<EvidenceDto>, ValidationProblem, NotFound, ForbidHttpResult, BadRequest>> UploadAsync(
        HttpContext context, ClaimsPrincipal user, EcoEnforceDb db, AddEvidence.Handler handler, IAntiforgery antiforgery, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Problem("File", $"文件过大（上限 {EvidenceRules.MaxBytes / 1024 / 1024} MB）");
        }
        if (!IsBearer(context.Request) && !await antiforgery.IsRequestValidAsync(context)) return TypedResults.BadRequest();
        var taskId = IntOrNull(form["taskId"]);
        var problemId = IntOrNull(form["problemId"]);
        if (taskId.HasValue == problemId.HasValue) return Problem("Target", "请指定检查任务或问题（二者选一）");
        if (!await EvidenceAccess.ExistsAsync(db, taskId, problemId, ct)) return TypedResults.NotFound();
        if (!await EvidenceAccess.CanAddAsync(db, user, taskId, problemId, ct)) return TypedResults.Forbid();
        if (form.Files["file"] is not { } file) return Problem("File", "请选择要上传的文件");
        await using var stream = file.OpenReadStream();
        var added = await handler.HandleAsync(new AddEvidence.Command(taskId, problemId, file.FileName, stream, form["caption"]), ct);
        if (!added.Succeeded) return Problem(added.Errors);
        var item = await EvidenceQueries.FindAsync(db, added.Value, ct);
        return TypedResults.Created($"/evidence/{added.Value}", Dto(item!));
    }

    private static async Task<Results<Ok<List<EvidenceDto>>, ValidationProblem, NotFound, ForbidHttpResult>> ListAsync(int? taskId, int? problemId,
        ClaimsPrincipal user, EcoEnforceDb db, CancellationToken ct)
    {
        if (taskId.HasValue == problemId.HasValue) return Problem("Target", "请指定检查任务或问题（二者选一）");
        if (!await EvidenceAccess.ExistsAsync(db, taskId, problemId, ct)) return TypedResults.NotFound();
        if (!await EvidenceAccess.CanViewAsync(db, user, taskId, problemId, ct)) return TypedResults.Forbid();
        var items = taskId is { } t ? await EvidenceQueries.ForTaskAsync(db, t, ct) : await EvidenceQueries.ForProblemAsync(db, problemId!.Value, ct);
        return TypedResults.Ok(items.Select(Dto).ToList());
    }

    /// <summary>Served with the sniffed type and nosniff, inline only for what a browser shows safely (images, PDF,
    /// audio, video); documents download. Ranges let phones seek in a video.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> FileAsync(int id, HttpContext context, ClaimsPrincipal user,
        EcoEnforceDb db, CancellationToken ct)
    {
        var item = await EvidenceQueries.FindAsync(db, id, ct);
        if (item is null) return TypedResults.NotFound();
        if (!await EvidenceAccess.CanViewAsync(db, user, item.TaskId, item.ProblemId, ct)) return TypedResults.Forbid();
        var disposition = new ContentDispositionHeaderValue(EvidenceRules.IsInline(item.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(item.FileName);
        var headers = context.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private";
        var content = await EvidenceQueries.ContentAsync(db, id, ct);
        return TypedResults.File(content, item.ContentType, entityTag: new EntityTagHeaderValue($"\"{item.Sha256}\""), enableRangeProcessing: true);
    }

    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static int? IntOrNull(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static EvidenceDto Dto(EvidenceQueries.Item e) =>
        new(e.Id, e.TaskId, e.ProblemId, e.FileName, e.ContentType, e.Length, e.Sha256, e.Caption, e.UploadedAtUtc, e.UploadedBy, $"/evidence/{e.Id}");

    private static ValidationProblem Problem(string field, string message) => Problem([new FieldError(field, message)]);

    private static ValidationProblem Problem(IReadOnlyList<FieldError> errors) => errors.ToValidationProblem();
}
