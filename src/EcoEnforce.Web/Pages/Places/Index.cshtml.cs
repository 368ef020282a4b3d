using EcoEnforce.Data;
using EcoEnforce.Places;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Places;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db) : PageModel
{
    public IReadOnlyList<Place> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Places = await db.Places.AsNoTracking().Include(p => p.ActivePeriods)
            .OrderBy(p => p.Kind).ThenBy(p => p.Level).ThenBy(p => p.Name).ToListAsync(ct);
}
