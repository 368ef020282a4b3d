using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Comparison;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Monitoring;

/// <summary>三方比对 upload from the outlet page: a page of its own, with no bound properties, so the form is read by hand
/// (<see cref="UploadForm"/>) and a file over the limit gets a Chinese message rather than a failed request. Errors go
/// back to the outlet page through TempData.</summary>
[Authorize(Policy = Policies.Staff)]
[IgnoreAntiforgeryToken]
public sealed class CompareImportModel(ImportComparison importer, IAuthorizationService authorization, IAntiforgery antiforgery) : PageModel
{
    public const string ErrorsKey = "CompareErrors";

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        // From the route itself: model binding would read the form first, and fail with it on an oversized file.
        if (!int.TryParse(RouteData.Values["id"]?.ToString(), out var id)) return NotFound();
        var upload = await UploadForm.ReadAsync(HttpContext, antiforgery, ct);
        if (upload.Forged) return BadRequest();
        var kind = Enum.TryParse<ReadingKind>(upload.Form?["importKind"], out var k) ? k : ReadingKind.Hour;
        string[] errors;
        if (upload.Form is not { } form) errors = [upload.Error!];
        else if (form.Files["file"] is not { Length: > 0 } file) errors = ["请选择要导入的文件"];
        else
        {
            // An unknown source is passed on as such, for the importer to refuse in Chinese.
            var source = Enum.TryParse<ComparisonSource>(form["source"], out var s) ? s : (ComparisonSource)(-1);
            await using var stream = file.OpenReadStream();
            var result = await importer.ImportAsync(id, source, kind, Path.GetFileName(file.FileName), stream, ct);
            if (result.Succeeded) return Redirect($"/Monitoring/Point/{id}?Kind={kind}&Imported={result.Value}#compare");
            errors = [.. result.Errors.Select(e => e.Message)];
        }
        TempData[ErrorsKey] = string.Join('\n', errors);
        return Redirect($"/Monitoring/Point/{id}?Kind={kind}#compare");
    }
}
