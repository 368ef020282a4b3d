using System.Text.Json.Serialization;

namespace EcoEnforce.Draws;

/// <summary>The rules of one draw. Everything that decides the result is here, in the pool lists or in the seed.</summary>
public sealed record DrawRules(
    int Version,
    IReadOnlyList<StratumQuota> Quotas,
    int TeamSize,
    string? LeadDepartment,
    bool AvoidPreviousInspector)
{
    public const int CurrentVersion = 1;
}

/// <summary>How many objects of one stratum to draw; exactly one of the three ways is set.</summary>
/// <param name="Percent">Share of the stratum's pool, 0 &lt; p ≤ 100, rounded up.</param>
/// <param name="PerInspector">N objects per inspector in the inspector pool (“1 名执法人员 : N 家”).</param>
/// <param name="All">Every object of the stratum.</param>
public sealed record StratumQuota(
    string Stratum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Percent = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PerInspector = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool All = false);

/// <summary>One object that may be drawn; <see cref="Key"/> is stable (the credit code, for an enterprise).</summary>
public sealed record PoolObject(
    string Key,
    string Name,
    string Stratum,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<string> PreviousInspectors);

/// <summary>One eligible inspector; <see cref="Key"/> is the enforcement certificate number.</summary>
public sealed record PoolInspector(string Key, string Name, string Department);

/// <summary>Everything a draw depends on. The order of <see cref="Pool"/> and <see cref="Inspectors"/> does not matter.</summary>
public sealed record DrawInput(
    DrawRules Rules,
    IReadOnlyList<PoolObject> Pool,
    IReadOnlyList<PoolInspector> Inspectors,
    byte[] Seed)
{
    public const int SeedLength = 32;
}
