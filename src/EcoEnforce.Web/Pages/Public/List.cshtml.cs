using EcoEnforce.Data;
using EcoEnforce.Disclosure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Public;

/// <summary>/public/results (双随机抽查结果) and /public/penalties (行政处罚决定): searchable by year, campaign, township,
/// outcome and name, read only from published snapshots.</summary>
public sealed class ListModel(EcoEnforceDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public int? TownshipId { get; set; }
    /// <summary>"problems" or "clean" (inspection results only).</summary>
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PublicationKind Kind { get; private set; }
    public IReadOnlyList<PublicItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Campaigns { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Townships { get; private set; } = [];
    public string Heading => Kind == PublicationKind.InspectionResult ? "“双随机、一公开”抽查结果" : "行政处罚决定";

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        Kind = kind == "results" ? PublicationKind.InspectionResult : PublicationKind.PenaltyDecision;
        (Items, Total, PageNumber) = await PublicQueries.PageAsync(db, new PublicFilter
        {
            Kind = Kind, Year = Year, CampaignId = CampaignId, TownshipId = TownshipId, Query = Q?.Length > 50 ? Q[..50] : Q,
            ProblemsFound = Outcome switch { "problems" => true, "clean" => false, _ => null },
        }, PageNumber, PageSize, ct);
        Campaigns = [.. (await db.Campaigns.AsNoTracking().Where(c => c.Plan!.Status == EcoEnforce.Campaigns.PlanStatus.Published)
            .OrderByDescending(c => c.Plan!.Year).ThenBy(c => c.SortOrder).Select(c => new { c.Id, Name = c.Plan!.Year + "年" + c.ShortName }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name))];
        Townships = [.. (await EcoEnforce.Organisation.DepartmentQueries.TownshipsAsync(db, ct)).Select(t => (t.Id, t.Name))];
        return Page();
    }
}
