using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Organisation;
using EcoEnforce.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Ledger;

/// <summary>The problem ledger (问题台账) with the 附表2 columns, filters, overdue marks, and the monthly 附表2 workbook
/// for a campaign with section 1 computed from the records.</summary>
[Authorize(Policy = Infrastructure.Policies.StaffOrLiaison)]
public sealed class IndexModel(EcoEnforceDb db, EcoEnforce.Problems.Ledger.Handler ledger, TimeProvider clock,
    Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProblemCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public TaskSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public MeasureKind? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public ProblemStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? TownshipId { get; set; }
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    /// <summary>承办单位: the drill-down from a monthly report.</summary>
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    public string? UnitName { get; private set; }
    /// <summary>yyyy-MM.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    /// <summary>The year found in: the report dashboard's drill-down links carry it so the list matches its numbers. The
    /// plain /Ledger opens on the current year (the 台账 is kept by year); an empty value means every year.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>The years the year filter offers: from the first problem's to this one (or the last problem's).</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public const int PageSize = 50;
    [BindProperty(Name = "pg", SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public EcoEnforce.Problems.Ledger.Page Result { get; private set; } = new([], 0, 0, 0, 1, 1);
    public IReadOnlyList<LedgerRow> Rows => Result.Rows;

    /// <summary>This list with the same filters on another page; the year is always written out, so the next page of
    /// the plain /Ledger stays on the current year.</summary>
    public string PageLink(int page) => "/Ledger?" + string.Join("&", Request.Query.Where(q => q.Key.ToLowerInvariant() is not ("pg" or "handler" or "year"))
        .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")).Append($"Year={Year}").Append($"pg={page}"));
    public IReadOnlyList<Campaigns.Campaign> CampaignChoices { get; private set; } = [];
    public IReadOnlyList<Department> Townships { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Request.Query.Count == 0) Year = ChinaTime.Today(clock).Year;
        if (!TryMonth(out var month)) return Page();
        var scope = await LiaisonScope.TownshipAsync(db, User, ct);
        if (scope is { } township) TownshipId = township;
        Result = await ledger.PageAsync(new EcoEnforce.Problems.Ledger.Filter
        {
            Category = Category, Source = Source, Measure = Measure, Status = Status, TownshipId = TownshipId, CampaignId = CampaignId,
            Month = month, Overdue = Overdue ? true : null, UnitId = UnitId,
            FoundFrom = Year is { } y and >= 1 and <= 9999 ? new DateOnly(y, 1, 1) : null,
            FoundTo = Year is { } y2 and >= 1 and <= 9999 ? new DateOnly(y2, 12, 31) : null,
        }, PageNumber, PageSize, ct);
        if (UnitId is { } unit) UnitName = await db.Departments.Where(d => d.Id == unit).Select(d => d.Name).FirstOrDefaultAsync(ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>附表2 for the chosen campaign and month.</summary>
    public async Task<IActionResult> OnGetReportAsync(CancellationToken ct)
    {
        if (CampaignId is not { } campaignId || !TryMonth(out var month) || month is not { } m)
        {
            Error = "导出月报请先选择专项和月份";
            return await OnGetAsync(ct);
        }
        if (await LiaisonScope.TownshipAsync(db, User, ct) is not null) return Forbid(); // the district-wide 附表2 is the bureau's
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) return NotFound();
        var snapshot = await EcoEnforce.Reports.MonthlyForm.ComputeAsync(db, clock, campaignId, null, m.Year, m.Month, ct);
        using var stream = new MemoryStream();
        LedgerXlsx.Write(stream, snapshot.Form(User.Identity?.Name, ChinaTime.Today(clock)), snapshot.Rows);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"附表2-{m:yyyy-MM}.xlsx");
    }

    private bool TryMonth(out DateOnly? month)
    {
        month = null;
        if (string.IsNullOrWhiteSpace(Month)) return true;
        if (DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            month = day;
            return true;
        }
        Error = "月份格式应为 年-月，如 2022-08";
        return false;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        CampaignChoices = await EcoEnforce.Campaigns.PlanQueries.CurrentCampaignsAsync(db, ct);
        Townships = await EcoEnforce.Organisation.DepartmentQueries.TownshipsAsync(db, ct);
        // The first and last problem's years change only with the ledger: read once per ledger version, not per page.
        var (first, last) = await LedgerVersion.CachedAsync(cache, db, "ledger-years", async uncancelled =>
            ((await db.Problems.MinAsync(p => (DateOnly?)p.FoundOn, uncancelled))?.Year, (await db.Problems.MaxAsync(p => (DateOnly?)p.FoundOn, uncancelled))?.Year), ct);
        var thisYear = ChinaTime.Today(clock).Year;
        var from = first ?? thisYear;
        var to = Math.Max(thisYear, last ?? thisYear);
        Years = [.. Enumerable.Range(from, to - from + 1).Reverse()];
    }
}
