using System.Globalization;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Organisation;
using EcoEnforce.Places;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Draws;

/// <summary>Edits a campaign's draw rules as a form (one row per supervision class, one per zone kind); "From" copies
/// another rule set, e.g. a shipped example profile.</summary>
[Authorize(Policy = Infrastructure.Policies.Editor)]
public sealed class RuleSetModel(EcoEnforceDb db, SaveDrawRuleSet.Handler handler) : PageModel
{
    public static readonly SupervisionClass[] Classes = Enum.GetValues<SupervisionClass>();
    public static readonly PlaceKind[] ZoneKinds = [PlaceKind.AirStation, PlaceKind.ExamVenue, PlaceKind.River];

    public sealed class ClassRow
    {
        /// <summary>"", "percent", "perInspector" or "all".</summary>
        public string QuotaMode { get; set; } = "";
        public decimal? QuotaValue { get; set; }
        public int? CapMax { get; set; }
        public DrawPeriodKind CapPer { get; set; }
        public int? CoverageMin { get; set; }
    }

    public sealed class ZoneRow
    {
        public bool Enabled { get; set; }
        public double Metres { get; set; }
        public List<StationLevel> Levels { get; set; } = [];
        public bool ChemicalOnly { get; set; }
    }

    public sealed class InputModel
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public int CampaignId { get; set; }
        public DrawPeriodKind Period { get; set; }
        public List<SupervisionClass> FilterClasses { get; set; } = [];
        public List<EntityFlag> Flags { get; set; } = [];
        public List<IndustrialPark> Parks { get; set; } = [];
        public string? IndustryPrefixes { get; set; }
        public List<int> TownshipIds { get; set; } = [];
        public bool IncludePositiveList { get; set; }
        public List<ClassRow> Rows { get; set; } = [];
        public List<ZoneRow> Zones { get; set; } = [];
        public int TeamSize { get; set; } = 2;
        public int? LeadDepartmentId { get; set; }
        public bool AvoidPreviousInspector { get; set; }
        public decimal? RiskTopPercent { get; set; }
        public decimal? RiskHighPercent { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Campaigns.Campaign> CampaignChoices { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<Department> Townships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var sourceId = Id ?? From;
        if (sourceId is null)
        {
            Input = FromSpec(new DrawRuleSpec(), "", null, 0);
            return Page();
        }
        var set = await db.DrawRuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == sourceId, ct);
        if (set is null) return NotFound();
        if (Id is not null && set.IsExample) return Redirect($"/Draws/RuleSet?From={set.Id}");
        Input = FromSpec(set.Spec, Id is null ? $"{set.Name}（副本）" : set.Name, set.Description, set.CampaignId ?? 0);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new SaveDrawRuleSet.Command(Id, Input.Name ?? "", Input.Description, Input.CampaignId, ToSpec(Input)), ct);
        if (result.Succeeded) return Redirect("/Draws/Rules");
        foreach (var e in result.Errors) ModelState.AddModelError("", e.Message);
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        CampaignChoices = await EcoEnforce.Campaigns.PlanQueries.CurrentCampaignsAsync(db, ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
        Departments = [.. departments.Where(d => d.Kind is DepartmentKind.Bureau or DepartmentKind.Section)];
        Townships = [.. departments.Where(d => d.Kind is DepartmentKind.Township or DepartmentKind.Street)];
    }

    private static InputModel FromSpec(DrawRuleSpec s, string name, string? description, int campaignId) => new()
    {
        Name = name, Description = description, CampaignId = campaignId, Period = s.Period,
        FilterClasses = s.Filter.Classes, Flags = s.Filter.Flags, Parks = s.Filter.Parks, TownshipIds = s.Filter.TownshipIds,
        IndustryPrefixes = string.Join(", ", s.Filter.IndustryPrefixes), IncludePositiveList = s.Filter.IncludePositiveList,
        TeamSize = s.TeamSize, LeadDepartmentId = s.LeadDepartmentId, AvoidPreviousInspector = s.AvoidPreviousInspector,
        RiskTopPercent = s.Risk?.TopPercent, RiskHighPercent = s.Risk?.HighPercent,
        Rows = [.. Classes.Select(c =>
        {
            var q = s.Quotas.FirstOrDefault(x => x.Class == c);
            var cap = s.Caps.FirstOrDefault(x => x.Class == c);
            return new ClassRow
            {
                QuotaMode = q is null ? "" : q.All ? "all" : q.Percent is not null ? "percent" : "perInspector",
                QuotaValue = q?.Percent ?? q?.PerInspector,
                CapMax = cap?.MaxRoutine, CapPer = cap?.Per ?? DrawPeriodKind.Year,
                CoverageMin = s.Coverage.FirstOrDefault(x => x.Class == c)?.MinPerYear,
            };
        })],
        Zones = [.. ZoneKinds.Select(k =>
        {
            var z = s.Filter.Zones.FirstOrDefault(x => x.Kind == k);
            return new ZoneRow
            {
                Enabled = z is not null, Metres = z?.Metres ?? ZoneDefaults.Metres(k), Levels = z?.Levels ?? [],
                ChemicalOnly = z?.ChemicalOnly ?? ZoneDefaults.ChemicalOnly(k),
            };
        })],
    };

    private static DrawRuleSpec ToSpec(InputModel i)
    {
        var rows = Classes.Zip(i.Rows.Concat(Enumerable.Repeat(new ClassRow(), Classes.Length)));
        var zones = ZoneKinds.Zip(i.Zones.Concat(Enumerable.Repeat(new ZoneRow(), ZoneKinds.Length)));
        return new DrawRuleSpec
        {
            Period = i.Period,
            Filter = new PoolFilter
            {
                Classes = i.FilterClasses, Flags = i.Flags, Parks = i.Parks, TownshipIds = i.TownshipIds, IncludePositiveList = i.IncludePositiveList,
                IndustryPrefixes = [.. (i.IndustryPrefixes ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                Zones = [.. zones.Where(z => z.Second.Enabled).Select(z => new ZoneFilter
                {
                    Kind = z.First, Metres = z.Second.Metres, Levels = z.Second.Levels, ChemicalOnly = z.Second.ChemicalOnly,
                })],
            },
            Quotas = [.. rows.Where(r => r.Second.QuotaMode is "percent" or "perInspector" or "all").Select(r => new ClassQuota
            {
                Class = r.First,
                All = r.Second.QuotaMode == "all",
                Percent = r.Second.QuotaMode == "percent" ? r.Second.QuotaValue ?? 0 : null,
                PerInspector = r.Second.QuotaMode == "perInspector" ? (int)Math.Ceiling(r.Second.QuotaValue ?? 0) : null,
            })],
            Caps = [.. rows.Where(r => r.Second.CapMax is not null).Select(r => new FrequencyCap { Class = r.First, MaxRoutine = r.Second.CapMax!.Value, Per = r.Second.CapPer })],
            Coverage = [.. rows.Where(r => r.Second.CoverageMin is > 0).Select(r => new CoverageDuty { Class = r.First, MinPerYear = r.Second.CoverageMin!.Value })],
            TeamSize = i.TeamSize,
            LeadDepartmentId = i.LeadDepartmentId is > 0 ? i.LeadDepartmentId : null,
            AvoidPreviousInspector = i.AvoidPreviousInspector,
            // One of the two left empty is kept as 0, so that validation says which is missing.
            Risk = i.RiskTopPercent is null && i.RiskHighPercent is null ? null
                : new RiskStrata { TopPercent = i.RiskTopPercent ?? 0, HighPercent = i.RiskHighPercent ?? 0 },
        };
    }

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
