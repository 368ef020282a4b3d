using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Public;

public sealed class IndexModel(EcoEnforceDb db) : PageModel
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Plans = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Published)
            .OrderByDescending(p => p.Year).ToListAsync(ct);
}
