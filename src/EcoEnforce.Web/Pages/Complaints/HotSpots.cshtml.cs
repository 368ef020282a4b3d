using EcoEnforce.Common;
using EcoEnforce.Complaints;
using EcoEnforce.Data;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Complaints;

/// <summary>Hot spots of a year (DBSCAN in space and time, ranked), each with its complaints and the entities they
/// concern; a section chief turns one into inspection tasks. Below, night-work complaints per construction site by month.</summary>
[Authorize(Policy = Infrastructure.Policies.StaffOrLiaison)]
public sealed class HotSpotsModel(EcoEnforceDb db, ComplaintQueries queries, CreateHotSpotTasks.Handler createTasks,
    IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty] public List<int> ComplaintIds { get; set; } = [];
    [BindProperty] public int CampaignId { get; set; }
    [BindProperty] public List<int> InspectorIds { get; set; } = [];
    [BindProperty] public DateOnly WindowStart { get; set; }
    [BindProperty] public DateOnly WindowEnd { get; set; }

    public IReadOnlyList<HotSpot> Spots { get; private set; } = [];
    public IReadOnlyDictionary<int, Complaint> Complaints { get; private set; } = new Dictionary<int, Complaint>();
    public IReadOnlyDictionary<int, string> EntityNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<NightWorkMonth> NightWork { get; private set; } = [];
    public bool CanCreateTasks { get; private set; }
    public IReadOnlyList<EcoEnforce.Campaigns.Campaign> CampaignChoices { get; private set; } = [];
    public IReadOnlyList<EcoEnforce.Organisation.Inspector> Officers { get; private set; } = [];
    public string? Error { get; private set; }
    public IReadOnlyList<int>? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTasksAsync(CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        var result = await createTasks.HandleAsync(new CreateHotSpotTasks.Command(ComplaintIds, CampaignId, InspectorIds, WindowStart, WindowEnd), ct);
        if (result.Succeeded) Created = result.Value;
        else Error = string.Join("；", result.Errors.Select(e => e.Message));
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await EcoEnforce.Problems.LiaisonScope.TownshipAsync(db, User, ct);
        Year ??= await queries.Visible(scope).OrderByDescending(c => c.ReceivedAtUtc).Select(c => (DateTime?)c.ReceivedAtUtc).FirstOrDefaultAsync(ct) is { } last
            ? ChinaTime.ToChina(last).Year : ChinaTime.Today(clock).Year;
        var year = Math.Clamp(Year.Value, 2000, 2100);
        var (from, to) = (ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1)), ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1)));
        Spots = await queries.HotSpotsAsync(from, to, scope, ct);
        var ids = Spots.SelectMany(s => s.ComplaintIds).ToList();
        Complaints = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        NightWork = await queries.NightWorkAsync(from, to, scope, ct);
        var entityIds = Spots.SelectMany(s => s.EnterpriseIds).Concat(NightWork.Select(n => n.EnterpriseId)).Distinct().ToList();
        EntityNames = await db.Enterprises.AsNoTracking().Where(e => entityIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        CanCreateTasks = await authorization.IsEditorAsync(User);
        if (CanCreateTasks)
        {
            var today = ChinaTime.Today(clock);
            if (WindowStart == default) (WindowStart, WindowEnd) = (today, today.AddDays(7));
            CampaignChoices = await EcoEnforce.Campaigns.PlanQueries.CurrentCampaignsAsync(db, ct);
            Officers = await db.Inspectors.AsNoTracking().Include(i => i.Department)
                .Where(i => i.IsActive && i.CertificateValidFrom <= today && i.CertificateValidTo >= today)
                .OrderBy(i => i.DepartmentId).ThenBy(i => i.Name).ToListAsync(ct);
        }
    }
}
