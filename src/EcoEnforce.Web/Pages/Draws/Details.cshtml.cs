using EcoEnforce.Auditing;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Draws;

/// <summary>One draw: the commitment, the pool, and once executed the seed, the drawn entities with their teams, the
/// export for verification and the record as .xlsx. Secret draws are shown only to leaders and the drawn officers,
/// and each view is audited.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(EcoEnforceDb db, IAuthorizationService authorization, ExecuteDraw.Handler execute, IActor actor, TimeProvider clock)
    : PageModel
{
    public DrawReport Report { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool Secret { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, "查看抽查记录页面", ct) ?? Page();

    public async Task<IActionResult> OnPostExecuteAsync(int id, CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        var result = await execute.HandleAsync(new ExecuteDraw.Command(id), ct);
        if (result.Succeeded) return Redirect($"/Draws/{id}");
        Errors = [.. result.Errors.Select(e => e.Message)];
        return await ShowAsync(id, "查看抽查记录页面", ct) ?? Page();
    }

    public async Task<IActionResult> OnGetRecordAsync(int id, CancellationToken ct)
    {
        if (await ShowAsync(id, "下载抽查记录表", ct) is { } denied) return denied;
        var stream = new MemoryStream();
        DrawRecordXlsx.Write(Report, stream);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"抽查记录-{id}.xlsx");
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        if (await ShowAsync(id, "导出抽查记录", ct) is { } denied) return denied;
        if (Report.Draw.Status != DrawStatus.Executed) return BadRequest();
        var json = DrawExportJson.ToJson(DrawExports.For(Report.Draw, Report.CampaignTitle));
        return File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"draw-{id}.json");
    }

    /// <summary>Loads the draw; null when it may be shown (the view is then audited if secret), else the refusal.</summary>
    private async Task<IActionResult?> ShowAsync(int id, string what, CancellationToken ct)
    {
        var report = await DrawReport.LoadAsync(db, id, ct);
        if (report is null) return NotFound();
        if (!await DrawAccess.CanViewAsync(db, User, report.Draw, ct)) return Forbid();
        Report = report;
        CanEdit = await authorization.IsEditorAsync(User);
        Secret = await DrawAccess.IsSecretAsync(db, report.Draw, ct);
        await DrawAccess.RecordViewAsync(db, actor, clock, report.Draw, what, ct);
        return null;
    }
}
