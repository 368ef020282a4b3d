using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Disclosure;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Disclosure;

/// <summary>What must be disclosed and by when (20 working days after a 双随机 inspection, 7 after a penalty decision),
/// what is late, the year's disclosure rate against the 100% target, and the items waiting for review.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, Publications.Handler publications, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public DueState? State { get; set; }

    public IReadOnlyList<DueItem> Items { get; private set; } = [];
    public DisclosureRate Rate { get; private set; } = new(0, 0, 0, 0);
    public IReadOnlyList<Publication> AwaitingReview { get; private set; } = [];
    public bool CalendarCovered { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Year is < 2000 or > 2100) Year = ChinaTime.Today(clock).Year;
        var all = await DisclosureDue.ForYearAsync(db, clock, Year, ct);
        Rate = DisclosureDue.Rate(Year, all, ChinaTime.Today(clock));
        Items = State is { } s ? [.. all.Where(i => i.State == s)] : all;
        CalendarCovered = WorkingCalendar.China.Covers(Year);
        AwaitingReview = await db.Publications.AsNoTracking().Where(p => p.Status == PublicationStatus.PendingReview)
            .OrderBy(p => p.DueOn).ToListAsync(ct);
    }

    /// <summary>Drafts an inspection result from the task and opens it for checking.</summary>
    public async Task<IActionResult> OnPostPrepareResultAsync(int taskId, CancellationToken ct)
    {
        var result = await publications.PrepareInspectionResultAsync(taskId, ct);
        if (result.Succeeded) return Redirect($"/Disclosure/Item/{result.Value}");
        Error = string.Join("；", result.Errors.Select(e => e.Message));
        await OnGetAsync(ct);
        return Page();
    }
}
