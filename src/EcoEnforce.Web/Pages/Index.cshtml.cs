using EcoEnforce.Campaigns;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages;

/// <summary>The dashboard. Its counts are shared by everyone and recounted in the background once they are older than
/// <see cref="FiguresLifetime"/>: counting a million problems and a hundred thousand entities on every visit would make
/// the busiest page the slowest, and nobody waits for a recount.</summary>
public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock, IMemoryCache cache, IServiceScopeFactory scopes) : PageModel
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
        Figures = await SingleFlight.GetOrRefreshAsync(cache, ("dashboard", today), FiguresLifetime, clock, () => CountAsync(today));
        if ((await Infrastructure.ReportAccess.ForAsync(db, User, ct)).OwnUnit is { } unit)
            Owed = await EcoEnforce.Reports.MonthlyBoard.OwedByAsync(db, clock, unit, ct);
        Plans = await db.Plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Version)
            .Select(p => new PlanRow(p.Id, p.Year, p.Title, p.Version, p.Status, p.Campaigns.Count))
            .ToListAsync(ct);
    }

    /// <summary>In a scope of its own: a refresh runs in the background, after the request that started it is gone.</summary>
    private async Task<Counts> CountAsync(DateOnly today)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        return new(
            await db.Enterprises.CountAsync(),
            await db.Enterprises.CountAsync(e => e.SupervisionClass == SupervisionClass.KeyPolluter),
            await db.Enterprises.CountAsync(e => e.IsAutoMonitoringKeyUnit),
            await db.Enterprises.CountAsync(e => e.IsNuclearTechUser),
            await db.Enterprises.CountAsync(e => e.PositiveListEntries.Any(p => p.From <= today && today <= p.To)),
            await db.Inspectors.CountAsync(i => i.IsActive),
            await db.Inspectors.CountAsync(i => i.IsActive && i.CertificateValidFrom <= today && today <= i.CertificateValidTo),
            await db.InspectionTasks.CountAsync(t => t.Status == EcoEnforce.Inspections.TaskStatus.Planned || t.Status == EcoEnforce.Inspections.TaskStatus.InProgress),
            await db.Problems.CountAsync(p => p.Status != EcoEnforce.Problems.ProblemStatus.Closed),
            await db.Problems.CountAsync(p => p.Status != EcoEnforce.Problems.ProblemStatus.Closed && p.RectificationDeadline != null && p.RectificationDeadline < today));
    }
}
