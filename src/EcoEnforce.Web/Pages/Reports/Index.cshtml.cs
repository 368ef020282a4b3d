using EcoEnforce.Data;
using EcoEnforce.Reports;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Reports;

[Authorize(Policy = Policies.StaffOrLiaison)]
public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock) : PageModel
{
    public ReportAccess Access { get; private set; } = new(null, false, false, false);
    /// <summary>The reports the user's unit still owes: due within five days, or late.</summary>
    public IReadOnlyList<(MonthlyObligation Obligation, int Year, int Month, MonthlyDeadline Deadline)> Owed { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Access = await ReportAccess.ForAsync(db, User, ct);
        Today = Common.ChinaTime.Today(clock);
        if (Access.OwnUnit is { } unit) Owed = await MonthlyBoard.OwedByAsync(db, clock, unit, ct);
    }
}
