using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Public;

public sealed class PlanModel(EcoEnforceDb db) : PageModel
{
    public Plan? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Drafts are never public.
        Plan = await db.Plans.AsNoTracking().Include(p => p.Campaigns)
            .FirstOrDefaultAsync(p => p.Id == id && p.Status != PlanStatus.Draft, ct);
        return Plan is null ? NotFound() : Page();
    }
}
