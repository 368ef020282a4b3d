namespace EcoEnforce.Draws;

/// <summary>One stratum of the rules: how many objects it holds and how many are drawn.</summary>
public sealed record StratumCount(string Stratum, int PoolSize, int Requested);

/// <summary>One drawn object and its team; <see cref="InspectorKeys"/> lists the lead-department member first.</summary>
public sealed record DrawnTask(int Order, string ObjectKey, string Stratum, IReadOnlyList<string> InspectorKeys);

/// <summary>SHA-256 digests (lowercase hex) of the canonical forms of the inputs.</summary>
public sealed record DrawDigests(string Pool, string Inspectors, string Rules);

public sealed record DrawOutcome(IReadOnlyList<StratumCount> Counts, IReadOnlyList<DrawnTask> Tasks, DrawDigests Digests);
