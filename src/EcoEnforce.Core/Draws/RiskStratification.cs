using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Targeting;

namespace EcoEnforce.Draws;

/// <summary>Splits a pool's classes into a high-risk stratum and the rest (<see cref="RiskStrata"/>), by the risk model
/// trained on the inspections before the window and scored as of its first day — what was known when the draw was made.</summary>
public sealed class RiskStratification(EcoEnforceDb db)
{
    public const string HighRiskSuffix = ".HighRisk";

    /// <param name="entityIds">Each pool object's registry id, by key.</param>
    public async Task<Result<(List<PoolObject> Objects, List<StratumQuota> Quotas)>> ApplyAsync(RiskStrata risk, IReadOnlyList<PoolObject> objects,
        IReadOnlyList<StratumQuota> quotas, IReadOnlyDictionary<string, int> entityIds, DateOnly day, CancellationToken ct)
    {
        var model = RiskModel.Train(await RiskHistory.LoadAsync(db, ct), day);
        if (model is null)
            return Result<(List<PoolObject>, List<StratumQuota>)>.Fail("Risk",
                $"{day:yyyy-MM-dd} 之前已完成的现场检查不足 {RiskModel.MinimumInspections} 次（或结论全部相同），风险模型无法建立，不能按风险分层抽取");
        var inPool = entityIds.Values.ToHashSet();
        var scores = model.Rank(day, e => inPool.Contains(e.Id)).ToDictionary(s => s.Entity.Id, s => s.Risk);

        var highRisk = new HashSet<string>(StringComparer.Ordinal);
        var allQuotas = quotas.ToList();
        foreach (var quota in quotas.Where(q => !q.All))
        {
            var members = objects.Where(o => o.Stratum == quota.Stratum)
                .OrderByDescending(o => scores.GetValueOrDefault(entityIds[o.Key])).ThenBy(o => o.Key, StringComparer.Ordinal).ToList();
            if (members.Count == 0) continue;
            highRisk.UnionWith(members.Take((int)Math.Ceiling(members.Count * risk.TopPercent / 100m)).Select(o => o.Key));
            allQuotas.Add(new StratumQuota(quota.Stratum + HighRiskSuffix, Percent: risk.HighPercent));
        }
        List<PoolObject> split = [.. objects.Select(o => highRisk.Contains(o.Key) ? o with { Stratum = o.Stratum + HighRiskSuffix } : o)];
        return Result<(List<PoolObject>, List<StratumQuota>)>.Ok((split, allQuotas));
    }
}
