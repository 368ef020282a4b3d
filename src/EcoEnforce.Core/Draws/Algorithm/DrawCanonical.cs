using System.Globalization;

namespace EcoEnforce.Draws;

/// <summary>The canonical forms of the inputs and their SHA-256 digests (see docs/draw-algorithm.md).
/// A change to any row or rule changes its digest, hence the key, hence every random number of the draw.</summary>
public static class DrawCanonical
{
    /// <summary>The digests of any inputs, in any order: what a bureau can publish with the seed commitment, before the draw.</summary>
    public static DrawDigests Digests(DrawRules rules, IReadOnlyList<PoolObject> pool, IReadOnlyList<PoolInspector> inspectors)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Digests(rules, DrawAlgorithm.Sorted(pool, o => o.Key), DrawAlgorithm.Sorted(inspectors, p => p.Key));
    }

    /// <summary>Digests of inputs already sorted by ordinal key (as <see cref="DrawAlgorithm"/> prepares them).</summary>
    internal static DrawDigests Digests(DrawRules rules, PoolObject[] sortedPool, PoolInspector[] sortedInspectors) =>
        new(PoolDigest(sortedPool), InspectorsDigest(sortedInspectors), RulesDigest(rules));

    /// <summary>key ␟ name ␟ stratum ␟ conflicts ␟ previous inspectors, one line per object.</summary>
    internal static string PoolDigest(PoolObject[] sorted)
    {
        using var w = new CanonicalWriter();
        foreach (var o in sorted)
        {
            w.Field(o.Key);
            w.Separator();
            w.Field(o.Name);
            w.Separator();
            w.Field(o.Stratum);
            w.Separator();
            w.List(o.Conflicts);
            w.Separator();
            w.List(o.PreviousInspectors);
            w.EndLine();
        }
        return w.Finish();
    }

    /// <summary>key ␟ name ␟ department, one line per inspector.</summary>
    internal static string InspectorsDigest(PoolInspector[] sorted)
    {
        using var w = new CanonicalWriter();
        foreach (var p in sorted)
        {
            w.Field(p.Key);
            w.Separator();
            w.Field(p.Name);
            w.Separator();
            w.Field(p.Department);
            w.EndLine();
        }
        return w.Finish();
    }

    /// <summary>Fixed lines first, then one <c>quota</c> line per stratum in ordinal order.</summary>
    internal static string RulesDigest(DrawRules rules)
    {
        using var w = new CanonicalWriter();
        Line(w, "version", rules.Version.ToString(CultureInfo.InvariantCulture));
        Line(w, "teamSize", rules.TeamSize.ToString(CultureInfo.InvariantCulture));
        Line(w, "leadDepartment", rules.LeadDepartment ?? "");
        Line(w, "avoidPreviousInspector", rules.AvoidPreviousInspector ? "true" : "false");
        foreach (var q in rules.Quotas.OrderBy(q => q.Stratum, StringComparer.Ordinal))
        {
            var (kind, amount) = q.All ? ("all", "")
                : q.Percent is { } p ? ("percent", Number(p))
                : ("perInspector", q.PerInspector!.Value.ToString(CultureInfo.InvariantCulture));
            w.Field("quota");
            w.Separator();
            w.Field(q.Stratum);
            w.Separator();
            w.Field(kind);
            w.Separator();
            w.Field(amount);
            w.EndLine();
        }
        return w.Finish();
    }

    /// <summary>Plain decimal notation without trailing zeros: 25, 12.5, 0.25 (25.0 and 25 are the same rule).</summary>
    internal static string Number(decimal value)
    {
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return text;
    }

    private static void Line(CanonicalWriter w, string name, string value)
    {
        w.Field(name);
        w.Separator();
        w.Field(value);
        w.EndLine();
    }
}
