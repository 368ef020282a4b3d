using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Disclosure;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Disclosure;

/// <summary>One publication: the masked content exactly as the public will read it, its revisions, and the steps —
/// submit for review, approve (someone other than the author) or return, withdraw or correct once published.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ItemModel(EcoEnforceDb db, Publications.Handler publications) : PageModel
{
    public Publication Publication { get; private set; } = null!;
    public IReadOnlyList<Publication> Revisions { get; private set; } = [];
    public bool CanReview { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => ActAsync(id, false, () => publications.SubmitAsync(id, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => ActAsync(id, true, () => publications.ApproveAsync(id, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(int id, string? reason, CancellationToken ct) => ActAsync(id, true, () => publications.ReturnAsync(id, reason, ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, string? note, CancellationToken ct) => ActAsync(id, true, () => publications.WithdrawAsync(id, note, ct), ct);

    public Task<IActionResult> OnPostCorrectAsync(int id, string? note, CancellationToken ct) => ActAsync(id, true, () => publications.CorrectAsync(id, note, ct), ct);

    private async Task<IActionResult> ActAsync(int id, bool reviewerOnly, Func<Task<Result<int>>> act, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (reviewerOnly && !CanReview) return Forbid();
        var result = await act();
        if (result.Succeeded)
        {
            await Infrastructure.PublicSiteCache.EvictAsync(HttpContext);
            return Redirect($"/Disclosure/Item/{result.Value}");
        }
        Errors = [.. result.Errors.Select(e => e.Message)];
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var publication = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (publication is null) return false;
        Publication = publication;
        Revisions = await db.Publications.AsNoTracking().Where(p => p.ItemKey == publication.ItemKey).OrderByDescending(p => p.Revision).ToListAsync(ct);
        CanReview = (await ReportAccess.ForAsync(db, User, ct)).CanReview;
        return true;
    }
}
