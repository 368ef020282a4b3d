using EcoEnforce.Data;
using EcoEnforce.Disclosure;
using EcoEnforce.Problems;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Disclosure;

/// <summary>Writes the public text of a penalty decision (the national template's fields), prefilled from the ledger.
/// Saving masks it; the next page shows exactly what will be published.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PenaltyModel(EcoEnforceDb db, Publications.Handler publications) : PageModel
{
    [BindProperty(SupportsGet = true)] public int MeasureId { get; set; }
    [BindProperty] public PartyKind PartyKind { get; set; }
    [BindProperty] public string? PartyName { get; set; }
    [BindProperty] public string? LegalRepresentative { get; set; }
    [BindProperty] public string? Facts { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public string? Penalty { get; set; }
    [BindProperty] public string? Performance { get; set; }
    /// <summary>Names of individuals in the facts, separated by commas or 、.</summary>
    [BindProperty] public string? PersonNames { get; set; }

    public string? DecisionNumber { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var measure = await db.ProblemMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == MeasureId && m.Kind == MeasureKind.Penalty, ct);
        if (measure is null) return NotFound();
        var problem = await db.Problems.AsNoTracking().Include(p => p.Enterprise).FirstAsync(p => p.Id == measure.ProblemId, ct);
        DecisionNumber = measure.DecisionNumber;
        PartyName = problem.Enterprise!.Name;
        Facts = $"经查，{problem.Enterprise.Name}{problem.Description}。";
        Penalty = measure.FineWan is { } fine ? $"罚款人民币{fine:0.####}万元。" : "";
        Performance = "自收到本决定书之日起十五日内缴至指定银行或者通过电子支付系统缴纳罚款。";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var names = (PersonNames ?? "").Split([',', '，', '、', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await publications.PreparePenaltyAsync(MeasureId, new Publications.PenaltyInput(PartyKind, PartyName, LegalRepresentative, Facts,
            LegalBasis, Penalty, Performance, names), ct);
        if (result.Succeeded) return Redirect($"/Disclosure/Item/{result.Value}");
        Errors = [.. result.Errors.Select(e => e.Message)];
        DecisionNumber = await db.ProblemMeasures.Where(m => m.Id == MeasureId).Select(m => m.DecisionNumber).FirstOrDefaultAsync(ct);
        return Page();
    }
}
