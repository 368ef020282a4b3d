using EcoEnforce.Web.Infrastructure;
using EcoEnforce.Campaigns;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Plans;

public sealed class DetailsModel(EcoEnforceDb db, IAuthorizationService authorization) : PageModel
{
    public Plan? Plan { get; private set; }
    public bool CanEdit { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Plan = await PlanQueries.LoadWholeAsync(db, id, ct);
        if (Plan is null) return NotFound();
        CanEdit = await authorization.IsEditorAsync(User);
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(int id, [FromServices] PublishPlan.Handler handler, CancellationToken ct) =>
        Run(id, () => handler.HandleAsync(new PublishPlan.Command(id), ct), "计划已发布，已在公开网站公布", ct);

    public Task<IActionResult> OnPostReviseAsync(int id, [FromServices] RevisePlan.Handler handler, CancellationToken ct) =>
        Run(id, () => handler.HandleAsync(new RevisePlan.Command(id), ct), "已生成修订稿，请编辑后发布", ct);

    public Task<IActionResult> OnPostCopyAsync(int id, int year, [FromServices] CopyPlan.Handler handler, CancellationToken ct) =>
        Run(id, () => handler.HandleAsync(new CopyPlan.Command(id, year), ct), $"已复制为{year}年计划草稿", ct);

    private async Task<IActionResult> Run(int id, Func<Task<Result<int>>> action, string success, CancellationToken ct)
    {
        // Page handlers cannot carry their own [Authorize]; the role check is made here for every change.
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        var result = await action();
        if (result.Succeeded)
        {
            Message = success;
            await Infrastructure.PublicSiteCache.EvictAsync(HttpContext); // a published plan is on the public site
            return Redirect($"/Plans/{result.Value}");
        }
        foreach (var e in result.Errors) ModelState.AddModelError("", e.Message);
        return await OnGetAsync(id, ct);
    }
}
