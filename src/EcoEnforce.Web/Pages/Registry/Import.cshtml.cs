using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Registry;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class ImportModel(IAuthorizationService authorization) : PageModel
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
        (await authorization.AuthorizeAsync(User, Infrastructure.Policies.Editor)).Succeeded ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromServices] ImportEntities.Handler handler, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Infrastructure.Policies.Editor)).Succeeded) return Forbid();
        if (file is null || file.Length == 0)
        {
            Outcome = new ImportEntities.Outcome(0, 0, [new ImportEntities.RowError(0, "文件", "请选择要上传的Excel文件")]);
            return Page();
        }
        if (file.Length > Infrastructure.UploadLimits.MaxBytes)
        {
            Outcome = new ImportEntities.Outcome(0, 0, [new ImportEntities.RowError(0, "文件", "文件过大")]);
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        Outcome = await handler.HandleAsync(stream, null, ct);
        return Page();
    }
}
