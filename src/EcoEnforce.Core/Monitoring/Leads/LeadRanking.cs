using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Leads;

/// <summary>One entity's open leads and how urgently to go: independent signals combine as 1 − Π(1 − score), so two
/// moderate signatures outrank one, and many weak ones never reach certainty.</summary>
public sealed record RankedEntity(int EnterpriseId, string EnterpriseName, double Score, IReadOnlyList<Lead> Leads);

public static class LeadRanking
{
    public static double Combine(IEnumerable<double> scores) => 1 - scores.Aggregate(1.0, (rest, s) => rest * (1 - Math.Clamp(s, 0, 1)));

    public static async Task<List<RankedEntity>> OpenAsync(EcoEnforceDb db, int max, CancellationToken ct)
    {
        var leads = await db.Leads.AsNoTracking().Include(l => l.MonitoringPoint)
            .Where(l => l.Status == LeadStatus.Open).ToListAsync(ct);
        var ids = leads.Select(l => l.EnterpriseId).Distinct().ToList();
        var names = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return [.. leads.GroupBy(l => l.EnterpriseId)
            .Select(g => new RankedEntity(g.Key, names.GetValueOrDefault(g.Key, ""), Combine(g.Select(l => l.Score)),
                [.. g.OrderByDescending(l => l.Score).ThenBy(l => l.FromUtc)]))
            .OrderByDescending(r => r.Score).ThenBy(r => r.EnterpriseId).Take(max)];
    }
}
