using EcoEnforce.Common;
using EcoEnforce.Common.Pdf;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using EcoEnforce.Reports.Summary;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Reports;

/// <summary>年度总结: the plan year's (or one campaign's) summary as the bureau will send it, downloadable as an editable
/// Word file or a PDF, with the typical cases chosen here. Staff read it; only editors change the cases.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SummaryModel(EcoEnforceDb db, TypicalCases.Handler typicalCases, ChromiumPdf pdf, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public sealed record ProblemOption(int Id, string Label);

    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    [BindProperty] public int ProblemId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int? SortOrder { get; set; }

    public AnnualSummary? Summary { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Campaigns { get; private set; } = [];
    /// <summary>Every case of the year, whichever campaign is shown, so they can all be managed here.</summary>
    public IReadOnlyList<CaseItem> Cases { get; private set; } = [];
    public IReadOnlyList<ProblemOption> Candidates { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string Query => $"Year={Year}" + (CampaignId is { } c ? $"&CampaignId={c}" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Summary is null) return NotFound();
        using var stream = new MemoryStream();
        SummaryDocx.Write(stream, Summary);
        return File(stream.ToArray(), SummaryDocx.ContentType, Summary.Title + ".docx");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Summary is null) return NotFound();
        try
        {
            return File(await pdf.PrintAsync(SummaryHtml.Document(Summary), ct), "application/pdf", Summary.Title + ".pdf");
        }
        catch (PdfException e)
        {
            Errors = [e.Message];
            return Page();
        }
    }

    /// <summary>The summary's stylesheet from the one definition Chromium prints with; the CSP allows no inline styles.</summary>
    public IActionResult OnGetCss() => Content(SummaryHtml.Css, "text/css");

    public Task<IActionResult> OnPostChooseAsync(CancellationToken ct) =>
        ChangeAsync(() => typicalCases.ChooseAsync(new TypicalCases.Choose(Year, ProblemId, Text, SortOrder), ct), ct);

    public Task<IActionResult> OnPostEditAsync(int caseId, CancellationToken ct) =>
        ChangeAsync(() => typicalCases.EditAsync(new TypicalCases.Edit(caseId, Text, SortOrder ?? 0), ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(int caseId, CancellationToken ct) =>
        ChangeAsync(() => typicalCases.RemoveAsync(caseId, ct), ct);

    private async Task<IActionResult> ChangeAsync(Func<Task<Result<int>>> change, CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        var result = await change();
        if (result.Succeeded) return Redirect($"/Reports/Summary?{Query}#cases");
        await LoadAsync(ct);
        Errors = [.. result.Errors.Select(e => e.Message)];
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        Years = await db.Plans.AsNoTracking().Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        // Default to the latest plan year that has begun: in January the bureau still writes last year's summary.
        if (Year == 0) Year = Years.Where(y => y <= today.Year).DefaultIfEmpty(today.Year).Max();
        CanEdit = await authorization.IsEditorAsync(User);
        var plan = await SummaryQuery.PlanAsync(db, Year, ct);
        Campaigns = plan is null ? [] : [.. plan.Campaigns.Select(c => (c.Id, c.ShortName))];
        Summary = await SummaryQuery.ComputeAsync(db, clock, Year, CampaignId, ct);
        Cases = await SummaryQuery.CasesAsync(db, today, Year, null, ct);
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        var chosen = Cases.Select(c => c.ProblemId).ToList();
        var problems = await db.Problems.AsNoTracking().Where(p => p.FoundOn >= from && p.FoundOn <= to && !chosen.Contains(p.Id))
            .OrderByDescending(p => p.FoundOn).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.FoundOn, Enterprise = p.Enterprise!.Name, p.Category, p.CategoryOther, p.Description }).ToListAsync(ct);
        Candidates = [.. problems.Select(p => new ProblemOption(p.Id,
            $"{p.FoundOn:yyyy-MM-dd} {p.Enterprise}（{ProblemLabels.Category(p.Category, p.CategoryOther)}）：{(p.Description.Length > 40 ? p.Description[..40] + "…" : p.Description)}"))];
    }
}
