using EcoEnforce.Data;
using EcoEnforce.Places;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Places;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, ZoneMembers zones) : PageModel
{
    public IReadOnlyList<Place> Places { get; private set; } = [];
    public Dictionary<int, int> Covered { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Places = await db.Places.AsNoTracking().Include(p => p.ActivePeriods)
            .OrderBy(p => p.Kind).ThenBy(p => p.Level).ThenBy(p => p.Name).ToListAsync(ct);
        foreach (var place in Places)
            Covered[place.Id] = (await zones.ForPlaceAsync(place.Id, ct))?.Count ?? 0;
    }
}
