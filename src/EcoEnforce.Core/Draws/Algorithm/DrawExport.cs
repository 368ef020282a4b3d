using System.Security.Cryptography;

namespace EcoEnforce.Draws;

/// <summary>Who drew what and why; times are UTC. <see cref="Reason"/> and <see cref="ReplacesDrawId"/> are set for a
/// re-draw only.</summary>
public sealed record DrawMetadata(
    string Id,
    string Title,
    string Campaign,
    string PeriodLabel,
    DateTime CommittedAtUtc,
    DateTime ExecutedAtUtc,
    string? Reason = null,
    string? ReplacesDrawId = null);

/// <summary>Everything an auditor needs to re-run a draw: the inputs, the revealed seed and its earlier commitment, and
/// the recorded result. Written by <see cref="DrawExportJson"/>, checked by <see cref="DrawVerifier"/>.</summary>
public sealed record DrawExport(
    string Format,
    int FormatVersion,
    string Algorithm,
    DrawMetadata Draw,
    string SeedSha256,
    string Seed,
    DrawRules Rules,
    IReadOnlyList<PoolObject> Pool,
    IReadOnlyList<PoolInspector> Inspectors,
    IReadOnlyList<StratumCount> Counts,
    IReadOnlyList<DrawnTask> Tasks,
    DrawDigests Digests)
{
    public const string FormatId = "ecoenforce-draw-export";
    public const int CurrentFormatVersion = 1;

    /// <summary>The export of a finished draw; pool and inspectors are written in key order, as the digests read them.</summary>
    public static DrawExport Create(DrawMetadata draw, DrawInput input, DrawOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outcome);
        return new DrawExport(
            FormatId, CurrentFormatVersion, DrawAlgorithm.Id, draw,
            Convert.ToHexStringLower(SHA256.HashData(input.Seed)),
            Convert.ToHexStringLower(input.Seed),
            input.Rules,
            DrawAlgorithm.Sorted(input.Pool, o => o.Key),
            DrawAlgorithm.Sorted(input.Inspectors, p => p.Key),
            outcome.Counts, outcome.Tasks, outcome.Digests);
    }
}
