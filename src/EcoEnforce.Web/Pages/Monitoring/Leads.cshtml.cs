using EcoEnforce.Data;
using EcoEnforce.Monitoring.Leads;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Monitoring;

/// <summary>数据线索: entities ranked by their open leads, each lead with what the detector saw, a link to the data,
/// one click to an inspection task (大数据平台推动), or dismissal with a kind and a reason; below, what those decisions
/// did to the thresholds.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LeadsModel(EcoEnforceDb db, DecideLead decide, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int MaxEntities = 100;

    public IReadOnlyList<RankedEntity> Ranked { get; private set; } = [];
    /// <summary>Decisions of the last year per outlet and signature, and the floors they set.</summary>
    public IReadOnlyList<LeadFeedback.Tally> Feedback { get; private set; } = [];
    public IReadOnlyDictionary<int, string> PointNames { get; private set; } = new Dictionary<int, string>();
    public bool CanDecide { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ranked = await LeadRanking.OpenAsync(db, MaxEntities, ct);
        Feedback = await LeadFeedback.TalliesAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        var ids = Feedback.Select(f => f.MonitoringPointId).Distinct().ToList();
        PointNames = (await db.MonitoringPoints.AsNoTracking().Include(p => p.Enterprise).Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => $"{p.Enterprise?.Name} · {p.Name}");
        CanDecide = await authorization.IsEditorAsync(User);
    }

    public async Task<IActionResult> OnPostDismissAsync(long leadId, DismissKind kind, string? reason, CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        var result = await decide.DismissAsync(leadId, kind, reason, ct);
        if (result.Succeeded) return Redirect("/Monitoring/Leads");
        Error = string.Join("；", result.Errors.Select(e => e.Message));
        await OnGetAsync(ct);
        return Page();
    }
}
