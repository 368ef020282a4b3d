using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Plans;

public sealed class IndexModel(EcoEnforceDb db) : PageModel
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Plans = await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Version).ToListAsync(ct);
}
