using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Plans;

[Authorize(Policy = Infrastructure.Policies.Editor)]
public sealed class EditCampaignModel(EcoEnforceDb db, UpdateCampaign.Handler handler) : PageModel
{
    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string ShortName { get; set; } = "";
        public string? LegalBasis { get; set; }
        public string Scope { get; set; } = "";
        public string Focus { get; set; } = "";
        public string Schedule { get; set; } = "";
        public string Participants { get; set; } = "";
        public string Phases { get; set; } = "";
        public string CheckItems { get; set; } = "";
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().Include(x => x.Plan).Include(x => x.Phases).Include(x => x.CheckItems)
            .FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (c is null) return NotFound();
        if (!c.Plan!.IsEditable) return RedirectToPage("/Plans/Campaign", new { id = Id });
        Input = new InputModel
        {
            Title = c.Title, ShortName = c.ShortName, LegalBasis = c.LegalBasis, Scope = c.Scope, Focus = c.Focus,
            Schedule = c.Schedule, Participants = c.Participants,
            Phases = UpdateCampaign.FormatPhases(c.Phases),
            CheckItems = string.Join("\n", c.CheckItems.OrderBy(i => i.SortOrder).Select(i => i.Text)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new UpdateCampaign.Command(
            Id, Input.Title, Input.ShortName, Input.LegalBasis, Input.Scope ?? "", Input.Focus ?? "", Input.Schedule ?? "",
            Input.Participants ?? "", Input.CheckItems ?? "", Input.Phases ?? ""), ct);
        if (result.Succeeded) return Redirect($"/Plans/Campaign/{Id}");
        foreach (var e in result.Errors) ModelState.AddModelError("", e.Message);
        return Page();
    }
}
