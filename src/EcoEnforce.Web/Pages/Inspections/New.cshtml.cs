using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Inspections;

/// <summary>A task that does not come from a draw (complaint, referral, data lead, transfer, routine), with its team.</summary>
[Authorize(Policy = Infrastructure.Policies.Editor)]
public sealed class NewModel(EcoEnforceDb db, CreateTask.Handler handler, EcoEnforce.Monitoring.Leads.DecideLead leads, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? CreditCode { get; set; }
    /// <summary>A monitoring-data lead this task follows up (大数据平台推动); it is marked as tasked once the task exists.</summary>
    [BindProperty(SupportsGet = true)] public long? LeadId { get; set; }
    [BindProperty] public TaskSource Source { get; set; } = TaskSource.Complaint;
    [BindProperty] public string? SourceNote { get; set; }
    [BindProperty] public List<int> CampaignIds { get; set; } = [];
    [BindProperty] public DateOnly WindowStart { get; set; }
    [BindProperty] public DateOnly WindowEnd { get; set; }
    [BindProperty] public DateOnly? PlannedOn { get; set; }
    [BindProperty] public InspectionMode Mode { get; set; }
    [BindProperty] public bool Unannounced { get; set; }
    [BindProperty] public List<int> InspectorIds { get; set; } = [];
    [BindProperty] public int? UnitId { get; set; }
    public IReadOnlyList<EcoEnforce.Organisation.Department> Units { get; private set; } = [];

    public IReadOnlyList<Campaigns.Campaign> CampaignChoices { get; private set; } = [];
    public IReadOnlyList<EcoEnforce.Organisation.Inspector> Officers { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        (WindowStart, WindowEnd, PlannedOn) = (today, today.AddDays(14), today);
        await LoadAsync(ct);
        if (LeadId is { } leadId && await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, ct) is { } lead)
        {
            CreditCode = await db.Enterprises.Where(e => e.Id == lead.EnterpriseId).Select(e => e.CreditCode).FirstOrDefaultAsync(ct);
            Source = TaskSource.DataLead;
            Unannounced = true; // data fraud is checked without warning
            var note = $"数据线索#{lead.Id}：{lead.Explanation}";
            SourceNote = note.Length > 200 ? note[..200] : note;
            CampaignIds = [.. CampaignChoices.Where(c => c.Kind == EcoEnforce.Campaigns.CampaignKind.AutoMonitoringFraud).Take(1).Select(c => c.Id)];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = EcoEnforce.Registry.CreditCode.Normalize(CreditCode ?? "");
        var entityId = await db.Enterprises.Where(e => e.CreditCode == code).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        var result = entityId is null
            ? Result<int>.Fail("CreditCode", "名录中没有该统一社会信用代码的检查对象")
            : await handler.HandleAsync(new CreateTask.Command(entityId.Value, Source, SourceNote, CampaignIds, WindowStart, WindowEnd, PlannedOn, Mode,
                Unannounced, InspectorIds, UnitId), ct);
        if (result.Succeeded && LeadId is { } followed) await leads.LinkTaskAsync(followed, result.Value, ct);
        if (result.Succeeded) return Redirect($"/Inspections/{result.Value}");
        Errors = [.. result.Errors.Select(e => e.Message)];
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CampaignChoices = await EcoEnforce.Campaigns.PlanQueries.CurrentCampaignsAsync(db, ct);
        Units = await db.Departments.AsNoTracking().Where(d => d.Kind != EcoEnforce.Organisation.DepartmentKind.Bureau).OrderBy(d => d.SortOrder).ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        Officers = await db.Inspectors.AsNoTracking().Include(i => i.Department)
            .Where(i => i.IsActive && i.CertificateValidFrom <= today && i.CertificateValidTo >= today)
            .OrderBy(i => i.DepartmentId).ThenBy(i => i.Name).ToListAsync(ct);
    }
}
