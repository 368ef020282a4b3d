using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using EcoEnforce.Reports;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Reports;

/// <summary>The bureau's board for a campaign's monthly report: every unit's status and punctuality, the overdue list,
/// each unit's figures (as reported, or live where nothing is reported yet) and their sum, the district roll-up.</summary>
[Authorize(Policy = Policies.StaffOrLiaison)]
public sealed class MonthlyModel(EcoEnforceDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    /// <summary>yyyy-MM.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public IReadOnlyList<MonthlyObligation> Obligations { get; private set; } = [];
    public Board? Board { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = await ReportAccess.ForAsync(db, User, ct);
        if (!access.IsStaff)
        {
            // A liaison officer goes straight to his own unit's report.
            if (access.OwnUnit is not { } own) return Forbid();
            var query = CampaignId is null && Month is null ? "" : $"?CampaignId={CampaignId}&Month={Month}";
            return Redirect($"/Reports/MonthlyReport{query}{(query.Length == 0 ? "?" : "&")}UnitId={own}");
        }
        if (await LoadAsync(ct) is { } board) Board = board;
        return Page();
    }

    /// <summary>The district roll-up in the 附表2 layout: all units' live figures and the year-to-date problem detail.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var access = await ReportAccess.ForAsync(db, User, ct);
        if (!access.IsStaff) return Forbid();
        if (await LoadAsync(ct) is not { } board) return Page();
        var snapshot = await MonthlyForm.ComputeAsync(db, clock, board.Obligation.Campaign.Id, null, board.Year, board.Month, ct);
        using var stream = new MemoryStream();
        LedgerXlsx.Write(stream, snapshot.Form(User.Identity?.Name, ChinaTime.Today(clock)), snapshot.Rows);
        return File(stream.ToArray(), XlsxContentType, $"附表2-全区汇总-{board.Year}-{board.Month:00}.xlsx");
    }

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<Board?> LoadAsync(CancellationToken ct)
    {
        Obligations = await ReportingUnits.MonthlyCampaignsAsync(db, null, ct);
        if (Obligations.Count == 0)
        {
            Error = "当前检查计划中没有要求按月报送的专项。";
            return null;
        }
        var obligation = Obligations.FirstOrDefault(o => o.Campaign.Id == CampaignId) ?? Obligations[0];
        CampaignId = obligation.Campaign.Id;
        var parsed = MonthlyObligation.ParseMonth(Month);
        if (!string.IsNullOrEmpty(Month) && parsed is null) Error = $"月份“{Month}”无效（应为 年-月，如 2022-08），已显示默认月份。";
        var (year, month) = parsed ?? obligation.DefaultMonth(ChinaTime.Today(clock));
        Month = $"{year}-{month:00}";
        return await MonthlyBoard.ForAsync(db, clock, obligation, year, month, ct);
    }
}
