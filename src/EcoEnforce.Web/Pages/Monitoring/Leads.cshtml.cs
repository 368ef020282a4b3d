using EcoEnforce.Data;
using EcoEnforce.Monitoring.Leads;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Monitoring;

/// <summary>数据线索: entities ranked by their open leads, each lead with what the detector saw, a link to the data,
/// one click to an inspection task (大数据平台推动), or dismissal with a reason.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LeadsModel(EcoEnforceDb db, DecideLead decide, IAuthorizationService authorization) : PageModel
{
    public const int MaxEntities = 100;

    public IReadOnlyList<RankedEntity> Ranked { get; private set; } = [];
    public bool CanDecide { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ranked = await LeadRanking.OpenAsync(db, MaxEntities, ct);
        CanDecide = await authorization.IsEditorAsync(User);
    }

    public async Task<IActionResult> OnPostDismissAsync(long leadId, string? reason, CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        var result = await decide.DismissAsync(leadId, reason, ct);
        if (result.Succeeded) return Redirect("/Monitoring/Leads");
        Error = string.Join("；", result.Errors.Select(e => e.Message));
        await OnGetAsync(ct);
        return Page();
    }
}
