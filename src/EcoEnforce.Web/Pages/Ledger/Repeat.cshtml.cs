using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Ledger;

/// <summary>屡查屡犯台账: entities found at fault on two or more inspections in twelve months, most occasions first,
/// with the escalations taken against each (约谈, 通报住建部门, 曝光, 夜间作业审核限批).</summary>
[Authorize(Policy = Infrastructure.Policies.StaffOrLiaison)]
public sealed class RepeatModel(EcoEnforceDb db, RepeatOffenders.Handler repeat, RecordEscalation.Handler escalate,
    IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(Name = "pg", SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public RepeatOffenders.Page Result { get; private set; } = new([], 0, 1, 1);
    public ILookup<int, Escalation> Escalations { get; private set; } = Array.Empty<Escalation>().ToLookup(e => e.EnterpriseId);
    public bool CanEscalate { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var township = await LiaisonScope.TownshipAsync(db, User, ct);
        Result = await repeat.PageAsync(new RepeatOffenders.Query(), township, PageNumber, PageSize, ct);
        var ids = Result.Rows.Select(o => o.EnterpriseId).ToList();
        Escalations = (await db.Escalations.AsNoTracking().Where(e => ids.Contains(e.EnterpriseId)).OrderBy(e => e.TakenOn).ToListAsync(ct))
            .ToLookup(e => e.EnterpriseId);
        CanEscalate = await Infrastructure.AuthorizationServiceExtensions.IsEditorAsync(authorization, User);
        return Page();
    }

    /// <summary>Records an escalation against a repeat offender and comes back to the same page.</summary>
    public async Task<IActionResult> OnPostEscalateAsync(int enterpriseId, EscalationKind kind, DateOnly? takenOn, string? note, CancellationToken ct)
    {
        if (!await Infrastructure.AuthorizationServiceExtensions.IsEditorAsync(authorization, User)) return Forbid();
        var result = await escalate.HandleAsync(new RecordEscalation.Command(enterpriseId, kind, takenOn ?? ChinaTime.Today(clock), note), ct);
        if (result.Succeeded) return Redirect($"/Ledger/Repeat?pg={PageNumber}#offender-{enterpriseId}");
        Error = string.Join("；", result.Errors.Select(e => e.Message));
        return await OnGetAsync(ct);
    }
}
