using System.Security.Cryptography;
using System.Text;
using EcoEnforce.Common;

namespace EcoEnforce.Draws;

/// <summary>The 双随机 draw, version <see cref="Id"/>: a pure function of the input, so anyone holding the export can
/// run it again and get the same tasks. docs/draw-algorithm.md specifies it for re-implementation.</summary>
public static class DrawAlgorithm
{
    public const string Id = "EcoEnforce-Draw-1";

    public static Result<DrawOutcome> Draw(DrawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Seed is not { Length: DrawInput.SeedLength })
            return Result<DrawOutcome>.Fail("seed", $"随机种子应为 {DrawInput.SeedLength} 字节");
        var invalid = DrawValidation.Rules(input.Rules);
        if (invalid is not null) return Result<DrawOutcome>.Fail([invalid]);
        var pool = Sorted(input.Pool, o => o.Key);
        var inspectors = Sorted(input.Inspectors, p => p.Key);
        invalid = DrawValidation.Pool(pool) ?? DrawValidation.Inspectors(inspectors);
        if (invalid is not null) return Result<DrawOutcome>.Fail([invalid]);

        var strata = GroupByStratum(input.Rules, pool);
        var counts = DrawCounts.Compute(input.Rules, s => strata.TryGetValue(s, out var list) ? list.Count : 0, inspectors.Length);
        if (!counts.Succeeded) return Result<DrawOutcome>.Fail(counts.Errors);

        var digests = DrawCanonical.Digests(input.Rules, pool, inspectors);
        using var stream = new DrawStream(DeriveKey(input.Seed, digests));
        var assigner = new TeamAssigner(input.Rules, inspectors);
        var tasks = new List<DrawnTask>();
        foreach (var count in counts.Value!)
        {
            if (count.Requested == 0) continue;
            var candidates = strata[count.Stratum].ToArray();
            Select(candidates, count.Requested, stream, "objects/" + count.Stratum);
            for (var i = 0; i < count.Requested; i++)
            {
                var target = pool[candidates[i]];
                var order = tasks.Count + 1;
                var team = assigner.Assign(target, order, stream);
                if (!team.Succeeded) return Result<DrawOutcome>.Fail(team.Errors);
                tasks.Add(new DrawnTask(order, target.Key, target.Stratum, team.Value!));
            }
        }
        return Result<DrawOutcome>.Ok(new DrawOutcome(counts.Value!, tasks, digests));
    }

    /// <summary>key = SHA-256("EcoEnforce-Draw-1" ‖ 0x00 ‖ seed ‖ pool digest ‖ inspectors digest ‖ rules digest),
    /// the digests as their 32 raw bytes.</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> seed, DrawDigests digests)
    {
        ArgumentNullException.ThrowIfNull(digests);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(Id));
        hash.AppendData([0]);
        hash.AppendData(seed);
        hash.AppendData(Convert.FromHexString(digests.Pool));
        hash.AppendData(Convert.FromHexString(digests.Inspectors));
        hash.AppendData(Convert.FromHexString(digests.Rules));
        return hash.GetHashAndReset();
    }

    /// <summary>Partial Fisher–Yates: position i swaps with i + UniformBelow(n − i); the first
    /// <paramref name="take"/> positions, in that order, are the selection.</summary>
    internal static void Select(int[] candidates, int take, DrawStream stream, string label)
    {
        stream.Start(label);
        for (var i = 0; i < take; i++)
        {
            var j = i + stream.UniformBelow(candidates.Length - i);
            (candidates[i], candidates[j]) = (candidates[j], candidates[i]);
        }
    }

    /// <summary>The caller usually passes rows already in key order; checking is linear, sorting is not.</summary>
    internal static T[] Sorted<T>(IReadOnlyList<T> rows, Func<T, string> key)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var array = rows.ToArray();
        for (var i = 1; i < array.Length; i++)
        {
            if (string.CompareOrdinal(key(array[i - 1]), key(array[i])) > 0)
            {
                var keys = Array.ConvertAll(array, r => key(r));
                Array.Sort(keys, array, StringComparer.Ordinal);
                break;
            }
        }
        return array;
    }

    /// <summary>Object indices of each stratum named in the rules, in canonical order; other strata are not drawn.</summary>
    private static Dictionary<string, List<int>> GroupByStratum(DrawRules rules, PoolObject[] pool)
    {
        var strata = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var q in rules.Quotas) strata[q.Stratum] = [];
        // Callers reuse one string per stratum, so a reference check saves a million hash lookups.
        string? lastName = null;
        List<int>? last = null;
        for (var i = 0; i < pool.Length; i++)
        {
            var s = pool[i].Stratum;
            if (!ReferenceEquals(s, lastName))
            {
                lastName = s;
                last = strata.GetValueOrDefault(s);
            }
            last?.Add(i);
        }
        return strata;
    }
}
