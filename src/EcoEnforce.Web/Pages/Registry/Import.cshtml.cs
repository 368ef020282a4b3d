using EcoEnforce.Web.Infrastructure;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Registry;

// The token is checked by hand after the form is read, so that an oversize upload gets a Chinese message instead of a
// bare 400 from the automatic antiforgery filter failing to read the body.
[Authorize(Policy = Infrastructure.Policies.Staff)]
[IgnoreAntiforgeryToken]
public sealed class ImportModel(IAuthorizationService authorization, IAntiforgery antiforgery) : PageModel
{
    public ImportEntities.Outcome? Outcome { get; private set; }

    public IActionResult OnGetTemplate()
    {
        var stream = new MemoryStream();
        ExportEntities.WriteTemplate(stream);
        stream.Position = 0;
        return File(stream, Infrastructure.UploadLimits.XlsxContentType, "检查对象名录导入模板.xlsx");
    }

    public async Task<IActionResult> OnGetAsync() =>
        await authorization.IsEditorAsync(User) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync([FromServices] ImportEntities.Handler handler, CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        var upload = await Infrastructure.UploadForm.ReadAsync(HttpContext, antiforgery, ct);
        if (upload.Forged) return BadRequest();
        if (upload.Form is not { } form) return Failed(upload.Error!);
        var file = form.Files["File"];
        if (file is null || file.Length == 0) return Failed("请选择要上传的Excel文件");
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        Outcome = await handler.HandleAsync(stream, null, ct);
        return Page();
    }

    private PageResult Failed(string message)
    {
        Outcome = new ImportEntities.Outcome(0, 0, [new ImportEntities.RowError(0, "文件", message)]);
        return Page();
    }
}
