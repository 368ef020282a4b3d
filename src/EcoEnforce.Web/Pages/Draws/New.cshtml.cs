using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Draws;

/// <summary>Choose rules and period, preview the pool (counts per class, exclusions, the list), then freeze it and
/// commit to a seed. With <c>replaces</c> it is a re-draw, which needs a reason.</summary>
[Authorize(Policy = Infrastructure.Policies.Editor)]
public sealed class NewModel(EcoEnforceDb db, DrawPool pool, CommitDraw.Handler commit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int RuleSetId { get; set; }
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? WindowStart { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? WindowEnd { get; set; }
    [BindProperty(SupportsGet = true)] public int? Replaces { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<DrawRuleSet> RuleSets { get; private set; } = [];
    public FrozenPool? Preview { get; private set; }
    public IReadOnlyList<StratumCount> Counts { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public Draw? Replaced { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (RuleSetId > 0) await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await commit.HandleAsync(new CommitDraw.Command(RuleSetId, Year, Quarter, WindowStart, WindowEnd, Replaces, Reason), ct);
        if (result.Succeeded) return Redirect($"/Draws/{result.Value}");
        if (!await LoadAsync(ct)) return NotFound();
        await PreviewAsync(ct);
        Errors = [.. result.Errors.Select(e => e.Message)];
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        RuleSets = await db.DrawRuleSets.AsNoTracking().Include(r => r.Campaign).Where(r => r.CampaignId != null).OrderBy(r => r.Id).ToListAsync(ct);
        if (Year == 0) Year = ChinaTime.Today(clock).Year;
        if (Replaces is { } id)
        {
            Replaced = await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
            if (Replaced is null) return false;
            if (RuleSetId == 0 && Replaced.RuleSetId is { } rules)
            {
                RuleSetId = rules;
                Year = Replaced.PeriodStart.Year;
                Quarter = Replaced.PeriodEnd.Month - Replaced.PeriodStart.Month == 2 ? (Replaced.PeriodStart.Month + 2) / 3 : null;
                WindowStart = Replaced.WindowStart;
                WindowEnd = Replaced.WindowEnd;
            }
        }
        return true;
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        var set = RuleSets.FirstOrDefault(r => r.Id == RuleSetId);
        if (set is null)
        {
            Errors = ["请选择抽查规则"];
            return;
        }
        var spec = set.Spec;
        var (start, end, _) = Periods.Of(Year, spec.Period == DrawPeriodKind.Quarter ? Quarter ?? 1 : null);
        var built = await pool.BuildAsync(spec, new DrawWindow(start, end, WindowStart ?? start, WindowEnd ?? end), ct);
        if (!built.Succeeded)
        {
            Errors = [.. built.Errors.Select(e => e.Message)];
            return;
        }
        Preview = built.Value;
        var counts = DrawCounts.Compute(Preview!.Rules, Preview.Objects, Preview.Inspectors);
        if (counts.Succeeded) Counts = counts.Value!;
        else Errors = [.. counts.Errors.Select(e => e.Message)];
    }
}
