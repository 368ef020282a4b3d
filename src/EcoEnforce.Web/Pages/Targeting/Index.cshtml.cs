using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Targeting;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Targeting;

/// <summary>精准执法: entities ranked by the risk model trained on the bureau's own inspections (daily, or when an
/// editor asks), filtered by township and class, with the backtest of the last 90 days.</summary>
[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock, Infrastructure.RiskModelCache cache, IAuthorizationService authorization,
    EcoEnforce.Draws.DrawPool pools) : PageModel
{
    public const int Shown = 100;

    [BindProperty(SupportsGet = true)] public int? TownshipId { get; set; }
    [BindProperty(SupportsGet = true)] public EcoEnforce.Registry.SupervisionClass? Class { get; set; }
    /// <summary>A draw rule set whose entity scope (its campaign's 检查对象范围) limits the list.</summary>
    [BindProperty(SupportsGet = true)] public int? RuleSetId { get; set; }
    public IReadOnlyList<EcoEnforce.Draws.DrawRuleSet> RuleSets { get; private set; } = [];

    public RiskModel? Model { get; private set; }
    public Backtest.Result? Backtest { get; private set; }
    /// <summary>The last day of the history the backtest re-orders the 90 days before.</summary>
    public DateOnly? BacktestTo { get; private set; }
    public IReadOnlyList<RiskModel.Scored> Ranked { get; private set; } = [];
    public int Inspections { get; private set; }
    public IReadOnlyList<EcoEnforce.Organisation.Department> Townships { get; private set; } = [];
    public DateTime? TrainedAtUtc { get; private set; }
    public bool CanRetrain { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(retrain: false, ct);

    /// <summary>重新训练: after new inspections are recorded, rather than waiting for the daily refresh.</summary>
    public async Task<IActionResult> OnPostRetrainAsync(CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        await LoadAsync(retrain: true, ct);
        return Page();
    }

    private async Task LoadAsync(bool retrain, CancellationToken ct)
    {
        CanRetrain = await authorization.IsEditorAsync(User);
        Townships = await db.Departments.AsNoTracking().Where(d => d.Kind == EcoEnforce.Organisation.DepartmentKind.Township || d.Kind == EcoEnforce.Organisation.DepartmentKind.Street)
            .OrderBy(d => d.Name).ToListAsync(ct);
        var snapshot = await cache.GetAsync(retrain, ct);
        (Model, Inspections, Backtest, BacktestTo, TrainedAtUtc) = (snapshot.Model, snapshot.Inspections, snapshot.Backtest, snapshot.BacktestTo, snapshot.TrainedAtUtc);
        if (Model is null) return;
        var today = ChinaTime.Today(clock);
        RuleSets = await db.DrawRuleSets.AsNoTracking().Include(r => r.Campaign).OrderBy(r => r.IsExample).ThenBy(r => r.Name).ToListAsync(ct);
        var scope = RuleSets.FirstOrDefault(r => r.Id == RuleSetId) is { } rules ? await pools.ScopeAsync(rules.Spec, today, ct) : null;
        var cls = Class?.ToString();
        Ranked = [.. Model.Rank(today, e => (TownshipId is not { } t || e.TownshipId == t) && (cls is null || e.SupervisionClass == cls)
            && (scope is null || scope.Contains(e.Id))).Take(Shown)];
    }
}
