using EcoEnforce.Campaigns;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages;

public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock) : PageModel
{
    public sealed record PlanRow(int Id, int Year, string Title, int Version, PlanStatus Status, int CampaignCount);

    public int EntityCount { get; private set; }
    public int KeyPolluters { get; private set; }
    public int AutoMonitoring { get; private set; }
    public int Nuclear { get; private set; }
    public int PositiveList { get; private set; }
    public int Inspectors { get; private set; }
    public int ValidInspectors { get; private set; }
    public int OpenTasks { get; private set; }
    public int OpenProblems { get; private set; }
    public int OverdueProblems { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];
    /// <summary>Monthly reports the user's unit owes (the reminder from five days before the deadline).</summary>
    public IReadOnlyList<(EcoEnforce.Reports.MonthlyObligation Obligation, int Year, int Month, EcoEnforce.Reports.MonthlyDeadline Deadline)> Owed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var today = Today;
        EntityCount = await db.Enterprises.CountAsync(ct);
        KeyPolluters = await db.Enterprises.CountAsync(e => e.SupervisionClass == SupervisionClass.KeyPolluter, ct);
        AutoMonitoring = await db.Enterprises.CountAsync(e => e.IsAutoMonitoringKeyUnit, ct);
        Nuclear = await db.Enterprises.CountAsync(e => e.IsNuclearTechUser, ct);
        PositiveList = await db.Enterprises.CountAsync(e => e.PositiveListEntries.Any(p => p.From <= today && today <= p.To), ct);
        Inspectors = await db.Inspectors.CountAsync(i => i.IsActive, ct);
        OpenTasks = await db.InspectionTasks.CountAsync(t => t.Status == EcoEnforce.Inspections.TaskStatus.Planned || t.Status == EcoEnforce.Inspections.TaskStatus.InProgress, ct);
        OpenProblems = await db.Problems.CountAsync(p => p.Status != EcoEnforce.Problems.ProblemStatus.Closed, ct);
        OverdueProblems = await db.Problems.CountAsync(p => p.Status != EcoEnforce.Problems.ProblemStatus.Closed && p.RectificationDeadline != null && p.RectificationDeadline < today, ct);
        ValidInspectors = await db.Inspectors.CountAsync(i => i.IsActive && i.CertificateValidFrom <= today && today <= i.CertificateValidTo, ct);
        if ((await Infrastructure.ReportAccess.ForAsync(db, User, ct)).OwnUnit is { } unit)
            Owed = await EcoEnforce.Reports.MonthlyBoard.OwedByAsync(db, clock, unit, ct);
        Plans = await db.Plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Version)
            .Select(p => new PlanRow(p.Id, p.Year, p.Title, p.Version, p.Status, p.Campaigns.Count))
            .ToListAsync(ct);
    }
}
