using EcoEnforce.Web.Infrastructure;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Registry;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock, IAuthorizationService authorization, EcoEnforce.Places.ZoneMembers zones) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public SupervisionClass? SupervisionClass { get; set; }
    [BindProperty(SupportsGet = true)] public int? TownshipId { get; set; }
    [BindProperty(SupportsGet = true)] public IndustrialPark? Park { get; set; }
    [BindProperty(SupportsGet = true)] public string? IndustryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Flag { get; set; }
    /// <summary>A place id: only entities inside its zone (3 km round an air station, …).</summary>
    [BindProperty(SupportsGet = true)] public int? Zone { get; set; }
    public string? ZoneName { get; private set; }
    // "page" is reserved by Razor Pages routing.
    [BindProperty(Name = "pg", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public SearchEntities.Filter Filter { get; private set; } = new();
    public SearchEntities.Page<Enterprise>? Result { get; private set; }
    public IReadOnlyList<Department> Townships { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string QueryString => string.Join("&", Pairs().Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = new SearchEntities.Filter
        {
            Query = Query, SupervisionClass = SupervisionClass, TownshipId = TownshipId, Park = Park,
            IndustryCode = IndustryCode, Flag = Flag, Page = PageNumber, PageSize = 50,
            Ids = Zone is { } zone ? await zones.ForPlaceAsync(zone, ct) ?? new HashSet<int>() : null,
        };
        if (Zone is { } placeId)
            ZoneName = await db.Places.Where(p => p.Id == placeId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        Result = await SearchEntities.RunAsync(db, Filter, ChinaTime.Today(clock), ct);
        Townships = await EcoEnforce.Organisation.DepartmentQueries.TownshipsAsync(db, ct);
        CanEdit = await authorization.IsEditorAsync(User);
    }

    public string PageQuery(int page) => QueryString.Length == 0 ? $"pg={page}" : $"{QueryString}&pg={page}";

    private IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        if (!string.IsNullOrWhiteSpace(Query)) yield return new("Query", Query);
        if (SupervisionClass is { } sc) yield return new("SupervisionClass", sc.ToString());
        if (TownshipId is { } t) yield return new("TownshipId", t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Park is { } p) yield return new("Park", p.ToString());
        if (!string.IsNullOrWhiteSpace(IndustryCode)) yield return new("IndustryCode", IndustryCode);
        if (!string.IsNullOrWhiteSpace(Flag)) yield return new("Flag", Flag);
        if (Zone is { } zone) yield return new("Zone", zone.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
