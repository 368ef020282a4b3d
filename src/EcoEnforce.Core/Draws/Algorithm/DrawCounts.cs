using EcoEnforce.Common;

namespace EcoEnforce.Draws;

/// <summary>How many objects each stratum of the rules holds and how many the quota asks for.</summary>
public static class DrawCounts
{
    public static Result<IReadOnlyList<StratumCount>> Compute(
        DrawRules rules, IReadOnlyList<PoolObject> pool, IReadOnlyList<PoolInspector> inspectors)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(inspectors);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in pool)
        {
            sizes[o.Stratum] = sizes.GetValueOrDefault(o.Stratum) + 1;
        }
        return Compute(rules, s => sizes.GetValueOrDefault(s), inspectors.Count);
    }

    /// <summary>Quotas in ordinal order of stratum; a stratum with no objects yields 0 whatever its quota.</summary>
    internal static Result<IReadOnlyList<StratumCount>> Compute(DrawRules rules, Func<string, int> poolSize, int inspectorCount)
    {
        var invalid = DrawValidation.Rules(rules);
        if (invalid is not null) return Result<IReadOnlyList<StratumCount>>.Fail([invalid]);
        var counts = new List<StratumCount>(rules.Quotas.Count);
        foreach (var quota in rules.Quotas.OrderBy(q => q.Stratum, StringComparer.Ordinal))
        {
            var size = poolSize(quota.Stratum);
            long requested;
            string how;
            if (quota.All)
            {
                (requested, how) = (size, "全部");
            }
            else if (quota.Percent is { } percent)
            {
                // Exact decimal arithmetic, then up: 25 % of 10 objects is 3, never 2.
                (requested, how) = ((long)decimal.Ceiling(size * percent / 100m), $"按比例 {percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}%");
            }
            else
            {
                var n = quota.PerInspector!.Value;
                (requested, how) = ((long)inspectorCount * n, $"按 1 名执法人员对应 {n} 家（{inspectorCount} 名执法人员）");
            }
            if (size == 0) requested = 0;
            if (requested > size)
            {
                return Result<IReadOnlyList<StratumCount>>.Fail("counts",
                    $"{DrawText.Stratum(quota.Stratum)}{how}需抽取 {requested} 家，但名录中只有 {size} 家");
            }
            counts.Add(new StratumCount(quota.Stratum, size, (int)requested));
        }
        return Result<IReadOnlyList<StratumCount>>.Ok(counts);
    }
}
