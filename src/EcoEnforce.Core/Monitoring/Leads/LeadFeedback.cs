using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Leads;

/// <summary>Officers' decisions fed back into the detectors' thresholds, per outlet and signature: every lead dismissed
/// as a false alarm (or as explained by operation) in the last year raises the score a new lead of that signature must
/// reach at that outlet by <see cref="Step"/>; every lead that became an inspection task lowers it again. A lead's score
/// grows with how far the evidence exceeds the detector's threshold, so a higher floor asks for stronger evidence
/// where the detector has been wrong before, and nowhere else. Dismissals for recorded maintenance leave it unchanged:
/// the detector was right that the data were abnormal.</summary>
public static class LeadFeedback
{
    public const double Step = 0.1;
    public const double MaxFloor = 0.9;
    public static readonly TimeSpan Window = TimeSpan.FromDays(365);

    public static bool CountsAgainst(DismissKind? kind) => kind is DismissKind.FalseAlarm or DismissKind.ExplainedByOperation;

    public static double Floor(int falseAlarms, int tasked) => Math.Clamp(Step * (falseAlarms - tasked), 0, MaxFloor);

    public sealed record Tally(int MonitoringPointId, string Signature, int FalseAlarms, int OtherDismissals, int Tasked)
    {
        public double Floor => LeadFeedback.Floor(FalseAlarms, Tasked);
    }

    /// <summary>Decisions of the last year per outlet and signature (decided leads only).</summary>
    public static async Task<List<Tally>> TalliesAsync(EcoEnforceDb db, DateTime nowUtc, CancellationToken ct)
    {
        var since = nowUtc - Window;
        var decided = await db.Leads.AsNoTracking()
            .Where(l => l.Status != LeadStatus.Open && l.DecidedAtUtc >= since)
            .Select(l => new { l.MonitoringPointId, l.Signature, l.Status, l.DismissKind })
            .ToListAsync(ct);
        return [.. decided.GroupBy(l => (l.MonitoringPointId, l.Signature)).Select(g => new Tally(g.Key.MonitoringPointId, g.Key.Signature,
                g.Count(l => l.Status == LeadStatus.Dismissed && CountsAgainst(l.DismissKind)),
                g.Count(l => l.Status == LeadStatus.Dismissed && !CountsAgainst(l.DismissKind)),
                g.Count(l => l.Status == LeadStatus.Tasked)))
            .OrderBy(t => t.Signature, StringComparer.Ordinal).ThenBy(t => t.MonitoringPointId)];
    }

    /// <summary>The raised floors only: outlet and signature → the minimum score of a new lead.</summary>
    public static async Task<Dictionary<(int Point, string Signature), double>> FloorsAsync(EcoEnforceDb db, DateTime nowUtc, CancellationToken ct) =>
        (await TalliesAsync(db, nowUtc, ct)).Where(t => t.Floor > 0).ToDictionary(t => (t.MonitoringPointId, t.Signature), t => t.Floor);
}
