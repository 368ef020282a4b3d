using EcoEnforce.Campaigns;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages;

/// <summary>The dashboard. Its counts are shared by everyone and kept for <see cref="FiguresLifetime"/>: counting a
/// million problems and a hundred thousand entities on every visit would make the busiest page the slowest.</summary>
public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock, IMemoryCache cache) : PageModel
{
    public static readonly TimeSpan FiguresLifetime = TimeSpan.FromSeconds(30);

    public sealed record Counts(int EntityCount, int KeyPolluters, int AutoMonitoring, int Nuclear, int PositiveList, int Inspectors,
        int ValidInspectors, int OpenTasks, int OpenProblems, int OverdueProblems);

    public sealed record PlanRow(int Id, int Year, string Title, int Version, PlanStatus Status, int CampaignCount);

    public Counts Figures { get; private set; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    public DateOnly Today { get; private set; }
    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];
    /// <summary>Monthly reports the user's unit owes (the reminder from five days before the deadline).</summary>
    public IReadOnlyList<(EcoEnforce.Reports.MonthlyObligation Obligation, int Year, int Month, EcoEnforce.Reports.MonthlyDeadline Deadline)> Owed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        var today = Today;
        Figures = await SingleFlight.GetOrCreateAsync(cache, ("dashboard", today), entry => entry.AbsoluteExpirationRelativeToNow = FiguresLifetime,
            () => CountAsync(today, CancellationToken.None));
        if ((await Infrastructure.ReportAccess.ForAsync(db, User, ct)).OwnUnit is { } unit)
            Owed = await EcoEnforce.Reports.MonthlyBoard.OwedByAsync(db, clock, unit, ct);
        Plans = await db.Plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Version)
            .Select(p => new PlanRow(p.Id, p.Year, p.Title, p.Version, p.Status, p.Campaigns.Count))
            .ToListAsync(ct);
    }

    private async Task<Counts> CountAsync(DateOnly today, CancellationToken ct) => new(
        await db.Enterprises.CountAsync(ct),
        await db.Enterprises.CountAsync(e => e.SupervisionClass == SupervisionClass.KeyPolluter, ct),
        await db.Enterprises.CountAsync(e => e.IsAutoMonitoringKeyUnit, ct),
        await db.Enterprises.CountAsync(e => e.IsNuclearTechUser, ct),
        await db.Enterprises.CountAsync(e => e.PositiveListEntries.Any(p => p.From <= today && today <= p.To), ct),
        await db.Inspectors.CountAsync(i => i.IsActive, ct),
        await db.Inspectors.CountAsync(i => i.IsActive && i.CertificateValidFrom <= today && today <= i.CertificateValidTo, ct),
        await db.InspectionTasks.CountAsync(t => t.Status == EcoEnforce.Inspections.TaskStatus.Planned || t.Status == EcoEnforce.Inspections.TaskStatus.InProgress, ct),
        await db.Problems.CountAsync(p => p.Status != EcoEnforce.Problems.ProblemStatus.Closed, ct),
        await db.Problems.CountAsync(p => p.Status != EcoEnforce.Problems.ProblemStatus.Closed && p.RectificationDeadline != null && p.RectificationDeadline < today, ct));
}
