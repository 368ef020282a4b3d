using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using EcoEnforce.Reports;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Reports;

/// <summary>One unit's monthly report (附表2): the form as it stands (live while a draft, frozen once submitted), the
/// header lines the unit fills in, submitting, the bureau's approval or return, every revision, and the workbook.</summary>
[Authorize(Policy = Policies.StaffOrLiaison)]
public sealed class MonthlyReportModel(EcoEnforceDb db, MonthlyReports.Handler reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public int UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty] public string? FiledBy { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? ReviewComment { get; set; }

    public MonthlyObligation? Obligation { get; private set; }
    public EcoEnforce.Organisation.Department? Unit { get; private set; }
    public int Year { get; private set; }
    public int MonthNumber { get; private set; }
    public MonthlyDeadline Deadline { get; private set; }
    public IReadOnlyList<MonthlyReport> Revisions { get; private set; } = [];
    public MonthlyReport? Latest => Revisions.Count > 0 ? Revisions[0] : null;
    /// <summary>What the form shows: the latest revision's snapshot once submitted, otherwise the live figures.</summary>
    public MonthlySnapshot? Form { get; private set; }
    public bool FormIsFrozen { get; private set; }
    public ReportAccess Access { get; private set; } = new(null, false, false, false);
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public DateOnly Today => ChinaTime.Today(clock);
    /// <summary>Past the deadline with nothing ever submitted.</summary>
    public bool IsOverdue => !Revisions.Any(r => r.SubmittedAtUtc is not null) && Deadline.IsOverdue(clock.GetUtcNow().UtcDateTime);
    public bool CanEditDraft => Access.CanFile(UnitId) && Latest?.Status != MonthlyReportStatus.Submitted;
    public bool CanSubmit => Access.CanFile(UnitId) && Latest?.Status == MonthlyReportStatus.Draft;
    public bool CanReview => Access.CanReview && Latest?.Status == MonthlyReportStatus.Submitted;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        Message = done switch
        {
            "saved" => "已保存草稿。",
            "submitted" => "已报送，等待区生态环境局审核。报送后的数字已冻结，台账之后的变化不影响本报表。",
            "approved" => "已审核通过。",
            "returned" => "已退回，填报单位修改后重新报送。",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => FileAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => FileAsync(submit: true, ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ReviewAsync(approve: true, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => ReviewAsync(approve: false, ct);

    /// <summary>The workbook of one revision (its frozen snapshot), or of the live figures when none is given.</summary>
    public async Task<IActionResult> OnGetExportAsync(int? reportId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var report = reportId is null ? null : Revisions.FirstOrDefault(r => r.Id == reportId);
        if (reportId is not null && report?.SnapshotJson is null) return NotFound();
        var snapshot = report is null ? Form! : MonthlySnapshot.FromJson(report.SnapshotJson!);
        var header = report ?? Latest;
        var filedOn = report?.SubmittedAtUtc is { } at ? DateOnly.FromDateTime(ChinaTime.ToChina(at)) : ChinaTime.Today(clock);
        using var stream = new MemoryStream();
        LedgerXlsx.Write(stream, snapshot.Form(header?.FiledBy, filedOn, header?.Phone), snapshot.Rows);
        var suffix = report is null ? "" : $"-第{report.Revision}版";
        return File(stream.ToArray(), MonthlyModel.XlsxContentType, $"附表2-{Unit!.Name}-{Year}-{MonthNumber:00}{suffix}.xlsx");
    }

    private async Task<IActionResult> FileAsync(bool submit, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!Access.CanFile(UnitId)) return Forbid();
        var key = new MonthlyReports.Key(Obligation!.Campaign.Id, UnitId, Year, MonthNumber);
        var saved = await reports.SaveDraftAsync(key, FiledBy, Phone, ct);
        var result = saved.Succeeded && submit ? await reports.SubmitAsync(saved.Value, ct) : saved;
        return await AfterAsync(result, submit ? "submitted" : "saved", ct);
    }

    private async Task<IActionResult> ReviewAsync(bool approve, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!Access.CanReview) return Forbid();
        if (Latest is null) return NotFound();
        var result = approve ? await reports.ApproveAsync(Latest.Id, ReviewComment, ct) : await reports.ReturnAsync(Latest.Id, ReviewComment, ct);
        return await AfterAsync(result, approve ? "approved" : "returned", ct);
    }

    private async Task<IActionResult> AfterAsync(Result<int> result, string done, CancellationToken ct)
    {
        if (result.Succeeded) return Redirect($"/Reports/MonthlyReport?CampaignId={CampaignId}&UnitId={UnitId}&Month={Month}&done={done}");
        Errors = [.. result.Errors.Select(e => e.Message)];
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Access = await ReportAccess.ForAsync(db, User, ct);
        if (UnitId == 0 && Access.OwnUnit is { } own) UnitId = own;
        if (!Access.CanRead(UnitId)) return Forbid();
        Unit = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == UnitId, ct);
        var obligations = await ReportingUnits.MonthlyCampaignsAsync(db, null, ct);
        Obligation = obligations.FirstOrDefault(o => o.Campaign.Id == CampaignId) ?? (CampaignId is null ? obligations.FirstOrDefault() : null);
        if (Unit is null || Obligation is null) return NotFound();
        CampaignId = Obligation.Campaign.Id;
        (Year, MonthNumber) = MonthlyObligation.ParseMonth(Month) ?? Obligation.DefaultMonth(ChinaTime.Today(clock));
        Month = $"{Year}-{MonthNumber:00}";
        Deadline = Obligation.Deadline(Year, MonthNumber);
        var view = await MonthlyReportView.LoadAsync(db, clock, new MonthlyReports.Key(CampaignId.Value, UnitId, Year, MonthNumber), ct);
        (Revisions, FormIsFrozen, Form) = (view.Revisions, view.Frozen, view.Form);
        if (Request.Method == "GET")
        {
            FiledBy = Latest?.FiledBy;
            Phone = Latest?.Phone;
        }
        return null;
    }
}
