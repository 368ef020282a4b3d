using EcoEnforce.Web.Infrastructure;
using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Registry;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class DetailsModel(EcoEnforceDb db, IAuthorizationService authorization, ChangePositiveList.Handler positiveList, TimeProvider clock,
    RiskModelCache risk) : PageModel
{
    /// <summary>The risk model's probability of a finding and the entity's place in the district ranking.</summary>
    public (double Risk, int Rank)? Risk { get; private set; }
    public IReadOnlyList<EcoEnforce.Targeting.RiskModel.Reason> RiskReasons { get; private set; } = [];
    public int Ranked { get; private set; }
    public Enterprise? Entity { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<EcoEnforce.Monitoring.MonitoringQueries.PointSummary> Outlets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Entity = await db.Enterprises.AsNoTracking().Include(e => e.Township).Include(e => e.PositiveListEntries)
            .FirstOrDefaultAsync(e => e.Id == id, ct);
        if (Entity is null) return NotFound();
        CanEdit = await authorization.IsEditorAsync(User);
        Outlets = await EcoEnforce.Monitoring.MonitoringQueries.SummariesAsync(db, clock.GetUtcNow().UtcDateTime, id, ct);
        var snapshot = await risk.GetAsync(retrain: false, ct);
        (Risk, Ranked) = (snapshot.Scores.TryGetValue(id, out var score) ? score : null, snapshot.Scores.Count);
        if (Risk is not null && snapshot.Model is { } model) RiskReasons = model.Reasons(id, EcoEnforce.Common.ChinaTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAddPositiveAsync(int id, DateOnly from, DateOnly to, string? reason, CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        if (!ModelState.IsValid) return await OnGetAsync(id, ct);
        return await AfterAsync(id, await positiveList.HandleAsync(new ChangePositiveList.Add(id, from, to, reason ?? ""), ct), ct);
    }

    public async Task<IActionResult> OnPostRemovePositiveAsync(int id, int entryId, CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        return await AfterAsync(id, await positiveList.HandleAsync(new ChangePositiveList.Remove(id, entryId), ct), ct);
    }

    private async Task<IActionResult> AfterAsync(int id, Common.Result<int> result, CancellationToken ct)
    {
        if (result.Succeeded) return Redirect($"/Registry/{id}");
        foreach (var e in result.Errors) ModelState.AddModelError("", e.Message);
        return await OnGetAsync(id, ct);
    }

}
