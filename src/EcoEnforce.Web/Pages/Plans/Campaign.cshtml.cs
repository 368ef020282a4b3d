using EcoEnforce.Web.Infrastructure;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Plans;

public sealed class CampaignModel(EcoEnforceDb db, IAuthorizationService authorization) : PageModel
{
    public Campaigns.Campaign? Campaign { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Campaign = await db.Campaigns.AsNoTracking()
            .Include(c => c.Plan)
            .Include(c => c.Phases)
            .Include(c => c.CheckItems)
            .Include(c => c.ReportingDeadlines)
            .Include(c => c.Departments).ThenInclude(d => d.Department)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (Campaign is null) return NotFound();
        CanEdit = Campaign.Plan!.IsEditable && await authorization.IsEditorAsync(User);
        return Page();
    }
}
