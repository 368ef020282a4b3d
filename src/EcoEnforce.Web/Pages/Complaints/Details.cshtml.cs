using EcoEnforce.Complaints;
using EcoEnforce.Data;
using EcoEnforce.Places;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Complaints;

/// <summary>One complaint: what was said, where, the suggested category and entity for staff to confirm, the repeats
/// merged into it and the task it led to. The complainant's name and phone are shown to bureau staff only.</summary>
[Authorize(Policy = Infrastructure.Policies.StaffOrLiaison)]
public sealed class DetailsModel(EcoEnforceDb db, ComplaintQueries queries, ReviewComplaint review, IAuthorizationService authorization) : PageModel
{
    public const double NearbyMetres = 1000;

    public Complaint Item { get; private set; } = null!;
    public IReadOnlyList<Complaint> Repeats { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, double Metres)> Nearby { get; private set; } = [];
    public bool SeesPersonalData { get; private set; }
    public bool CanHandle { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public ComplaintCategory Category { get; set; }
    [BindProperty] public int? EnterpriseId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCategoryAsync(int id, CancellationToken ct) => DecideAsync(id, () => review.ConfirmCategoryAsync(id, Category, ct), ct);

    public Task<IActionResult> OnPostMatchAsync(int id, CancellationToken ct) => DecideAsync(id, () => review.ConfirmMatchAsync(id, EnterpriseId, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => DecideAsync(id, () => review.CloseAsync(id, ct), ct);

    private async Task<IActionResult> DecideAsync(int id, Func<Task<EcoEnforce.Common.Result<int>>> action, CancellationToken ct)
    {
        // Page handlers cannot carry their own [Authorize]; the list is readable by more people than may decide.
        if (!(await authorization.AuthorizeAsync(User, Infrastructure.Policies.ComplaintHandler)).Succeeded) return Forbid();
        if (!await queries.Visible(null).AnyAsync(c => c.Id == id, ct)) return NotFound();
        var result = await action();
        if (result.Succeeded) return Redirect($"/Complaints/{id}");
        Error = string.Join("；", result.Errors.Select(e => e.Message));
        ModelState.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await EcoEnforce.Problems.LiaisonScope.TownshipAsync(db, User, ct);
        SeesPersonalData = scope is null;
        CanHandle = (await authorization.AuthorizeAsync(User, Infrastructure.Policies.ComplaintHandler)).Succeeded;
        var item = await queries.Visible(scope).AsNoTracking().Include(c => c.Enterprise).Include(c => c.Township)
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null) return false;
        Item = item;
        Category = item.EffectiveCategory;
        Repeats = await db.Complaints.AsNoTracking().Where(c => c.DuplicateOfId == id).OrderBy(c => c.ReceivedAtUtc).ToListAsync(ct);
        if (CanHandle)
        {
            var (lat, lon) = (item.Latitude ?? item.Enterprise?.Latitude, item.Longitude ?? item.Enterprise?.Longitude);
            if (lat is { } y && lon is { } x)
            {
                var entities = await db.Enterprises.AsNoTracking().Select(e => new { e.Id, e.Name, e.Latitude, e.Longitude }).ToListAsync(ct);
                Nearby = [.. entities
                    .Select(e => (e.Id, e.Name, Metres: PlaceGeometry.DistanceMetres(e.Latitude, e.Longitude, y, x)))
                    .Where(e => e.Metres <= NearbyMetres).OrderBy(e => e.Metres).Take(10)];
            }
        }
        return true;
    }
}
