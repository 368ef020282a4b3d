using EcoEnforce.Data;
using EcoEnforce.Disclosure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Public;

public sealed class ItemModel(EcoEnforceDb db) : PageModel
{
    public PublicItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await PublicQueries.FindAsync(db, id, ct) is not { } item) return NotFound();
        if (item.Id != id) return RedirectPermanent($"/public/items/{item.Id}"); // a corrected item: its current revision
        Item = item;
        return Page();
    }
}
