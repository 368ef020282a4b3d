using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Registry;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class DetailsModel(EcoEnforceDb db) : PageModel
{
    public Enterprise? Entity { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Entity = await db.Enterprises.AsNoTracking().Include(e => e.Township).Include(e => e.PositiveListEntries)
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        return Entity is null ? NotFound() : Page();
    }
}
