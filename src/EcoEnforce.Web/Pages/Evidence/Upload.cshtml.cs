using EcoEnforce.Data;
using EcoEnforce.Evidence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Evidence;

/// <summary>Receives the _EvidenceUpload form from a task or problem page and goes back there, the outcome in TempData.
/// The token is checked by hand after the form is read, so that an oversize file gets a Chinese message instead of a
/// bare 400 from the automatic antiforgery filter failing to read the body.</summary>
[Authorize(Policy = Infrastructure.Policies.Staff)]
[IgnoreAntiforgeryToken]
[RequestSizeLimit(Api.EvidenceEndpoints.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Api.EvidenceEndpoints.RequestLimit)]
public sealed class UploadModel(EcoEnforceDb db, AddEvidence.Handler handler, IAntiforgery antiforgery) : PageModel
{
    public const string MessageKey = "EvidenceMessage";
    public const string ErrorKey = "EvidenceError";

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // The form could not be read, so neither could its return address: the referring page is the best guess.
            TempData[ErrorKey] = $"文件过大（上限 {EvidenceRules.MaxBytes / 1024 / 1024} MB）";
            return LocalRedirect(Local(Request.Headers.Referer.ToString()));
        }
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        var returnUrl = Local(form["ReturnUrl"]);
        var taskId = IntOrNull(form["TaskId"]);
        var problemId = IntOrNull(form["ProblemId"]);
        if (taskId.HasValue == problemId.HasValue || !await EvidenceAccess.ExistsAsync(db, taskId, problemId, ct)) return NotFound();
        if (!await EvidenceAccess.CanAddAsync(db, User, taskId, problemId, ct)) return Forbid();
        if (form.Files["File"] is not { Length: > 0 } file)
        {
            TempData[ErrorKey] = "请选择要上传的文件";
            return LocalRedirect(returnUrl);
        }
        await using var stream = file.OpenReadStream();
        var added = await handler.HandleAsync(new AddEvidence.Command(taskId, problemId, file.FileName, stream, form["Caption"]), ct);
        if (added.Succeeded) TempData[MessageKey] = $"已上传：{EvidenceRules.SanitiseFileName(file.FileName)}";
        else TempData[ErrorKey] = string.Join("；", added.Errors.Select(e => e.Message));
        return LocalRedirect(returnUrl);
    }

    /// <summary>Only a path on this site (an absolute URL could send the officer to a look-alike login page); otherwise home.</summary>
    private string Local(string? url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Authority == Request.Host.Value) url = absolute.PathAndQuery;
        return Url.IsLocalUrl(url) ? url! : "/";
    }

    private static int? IntOrNull(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
