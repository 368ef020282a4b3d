using EcoEnforce.Complaints;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Complaints;

// As on the registry import, the token is checked by hand after the form is read, so that an oversize upload gets a
// Chinese message instead of a bare 400.
[Authorize(Policy = Infrastructure.Policies.ComplaintHandler)]
[IgnoreAntiforgeryToken]
public sealed class ImportModel(IAntiforgery antiforgery) : PageModel
{
    public ImportComplaints.Outcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] ImportComplaints.Handler handler, CancellationToken ct)
    {
        var upload = await Infrastructure.UploadForm.ReadAsync(HttpContext, antiforgery, ct);
        if (upload.Forged) return BadRequest();
        if (upload.Form is not { } form) return Failed(upload.Error!);
        var file = form.Files["File"];
        if (file is null || file.Length == 0) return Failed("请选择要上传的文件（.xlsx 或 .csv）");
        var channel = Enum.TryParse<ComplaintChannel>(form["Channel"], out var c) && Enum.IsDefined(c) ? c : ComplaintChannel.Hotline12345;
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        Outcome = await handler.HandleAsync(stream, file.FileName, channel, ct);
        return Page();
    }

    private PageResult Failed(string message)
    {
        Outcome = new ImportComplaints.Outcome(0, 0, 0, 0, 0, [new EcoEnforce.Registry.ImportEntities.RowError(0, "文件", message)]);
        return Page();
    }
}
