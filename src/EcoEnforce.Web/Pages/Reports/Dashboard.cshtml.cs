using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using EcoEnforce.Reports;
using EcoEnforce.Web.Api;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Reports;

/// <summary>报表驾驶舱: a year's figures live, as headline numbers, charts and tables, filterable by campaign, unit and
/// month; every count links to the ledger rows behind it.</summary>
[Authorize(Policy = Policies.StaffOrLiaison)]
public sealed class DashboardModel(EcoEnforceDb db, TimeProvider clock) : PageModel
{
    /// <summary>Web defaults (camelCase) like the API; the encoder keeps Chinese readable but still escapes &lt; and &gt;, so
    /// a name containing "&lt;/script&gt;" cannot end the JSON block early.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }

    public FiguresDto Figures { get; private set; } = null!;
    public string FiguresJson { get; private set; } = "{}";
    public DashboardLinks Links { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Campaigns.Campaign> CampaignChoices { get; private set; } = [];
    public IReadOnlyList<Department> Units { get; private set; } = [];
    public bool UnitFixed { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var planYears = await db.Plans.AsNoTracking().Where(p => p.Status != Campaigns.PlanStatus.Superseded).Select(p => p.Year).Distinct().ToListAsync(ct);
        // Without a choice, the latest plan year that has begun: the demo data's 2022 rather than an empty current year.
        Year ??= planYears.Where(y => y <= today.Year).DefaultIfEmpty(today.Year).Max();
        var errors = await FigureScope.CheckAsync(db, Year.Value, CampaignId, UnitId, Month, ct);
        if (errors.Count > 0)
        {
            Errors = [.. errors.Select(e => e.Message)];
            if (errors.Any(e => e.Field == "year")) Year = today.Year;
            if (errors.Any(e => e.Field == "month")) Month = null;
            if (errors.Any(e => e.Field == "campaignId")) CampaignId = null;
            if (errors.Any(e => e.Field == "unitId")) UnitId = null;
        }
        CampaignChoices = [.. (await Campaigns.PlanQueries.CurrentCampaignsAsync(db, ct)).Where(c => c.Plan!.Year == Year)];
        // A campaign belongs to one plan year; kept across a change of year it would silently empty every chart.
        if (CampaignId is { } chosen && CampaignChoices.All(c => c.Id != chosen))
        {
            Errors = [.. Errors, $"所选专项不属于 {Year} 年度，已显示全部专项"];
            CampaignId = null;
        }
        var (filter, scope) = await FigureScope.ResolveAsync(db, User, Year.Value, CampaignId, UnitId, Month, ct);
        UnitFixed = scope.Restricted;
        UnitId = filter.UnitId;
        Figures = FiguresDto.From(await EcoEnforce.Reports.Figures.ForAsync(db, clock, filter, ct), filter, scope);
        Links = new DashboardLinks(filter);
        FiguresJson = JsonSerializer.Serialize(new { figures = Figures, links = Links.ForCharts(Figures) }, Json);

        Years = [.. planYears.Append(today.Year).Append(Year.Value).Distinct().OrderDescending()];
        Units = await db.Departments.AsNoTracking().Where(d => !UnitFixed || d.Id == UnitId)
            .OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ToListAsync(ct);
    }
}
