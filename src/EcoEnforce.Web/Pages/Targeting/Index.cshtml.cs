using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Targeting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Targeting;

/// <summary>精准执法: entities ranked by the risk model trained on the bureau's own inspections (retrained on every
/// visit, from the history as it stands), filtered by township and class, with the backtest of the last 90 days.</summary>
[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    [BindProperty(SupportsGet = true)] public int? TownshipId { get; set; }
    [BindProperty(SupportsGet = true)] public EcoEnforce.Registry.SupervisionClass? Class { get; set; }

    public RiskModel? Model { get; private set; }
    public Backtest.Result? Backtest { get; private set; }
    /// <summary>The last day of the history the backtest re-orders the 90 days before.</summary>
    public DateOnly? BacktestTo { get; private set; }
    public IReadOnlyList<RiskModel.Scored> Ranked { get; private set; } = [];
    public int Inspections { get; private set; }
    public IReadOnlyList<EcoEnforce.Organisation.Department> Townships { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Townships = await db.Departments.AsNoTracking().Where(d => d.Kind == EcoEnforce.Organisation.DepartmentKind.Township || d.Kind == EcoEnforce.Organisation.DepartmentKind.Street)
            .OrderBy(d => d.Name).ToListAsync(ct);
        var history = await RiskHistory.LoadAsync(db, ct);
        Inspections = history.Inspections.Count;
        var today = ChinaTime.Today(clock);
        Model = RiskModel.Train(history, today);
        if (Model is null) return;
        BacktestTo = history.Inspections.Max(i => i.On);
        Backtest = RiskModel.Evaluate(history, BacktestTo.Value.AddDays(1));
        var cls = Class?.ToString();
        Ranked = [.. Model.Rank(today, e => (TownshipId is not { } t || e.TownshipId == t) && (cls is null || e.SupervisionClass == cls)).Take(Shown)];
    }
}
