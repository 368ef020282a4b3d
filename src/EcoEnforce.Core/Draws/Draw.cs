namespace EcoEnforce.Draws;

public enum DrawStatus
{
    /// <summary>Pool frozen and seed committed (its SHA-256 shown); not yet drawn.</summary>
    Committed = 0,
    /// <summary>Seed revealed, objects and teams drawn, tasks created.</summary>
    Executed = 1,
}

/// <summary>One random draw (双随机). Immutable once executed: a re-draw is a new draw naming the one it replaces
/// and why; the old one stays as it was.</summary>
public sealed class Draw
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public int CampaignId { get; set; }
    public Campaigns.Campaign? Campaign { get; set; }
    public int? RuleSetId { get; set; }
    /// <summary>The <see cref="DrawRuleSpec"/> as it was when the pool was frozen.</summary>
    public required string SpecJson { get; set; }
    /// <summary>e.g. 2022年第3季度.</summary>
    public required string PeriodLabel { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>When the drawn inspections are to take place; certificates must be valid throughout.</summary>
    public DateOnly WindowStart { get; set; }
    public DateOnly WindowEnd { get; set; }
    public DrawStatus Status { get; set; }
    /// <summary>The frozen algorithm input (pool, inspectors, rules) as JSON.</summary>
    public required string InputJson { get; set; }
    /// <summary>Entities the filter matched but the rules left out, each with its reason, as JSON.</summary>
    public required string ExclusionsJson { get; set; }
    public int PoolSize { get; set; }
    public int InspectorPoolSize { get; set; }
    /// <summary>SHA-256 of the seed, hex: the commitment made before the draw.</summary>
    public required string SeedSha256 { get; set; }
    /// <summary>The seed, hex. Secret until the draw is executed, then shown to anyone who may see the draw.</summary>
    public required string Seed { get; set; }
    /// <summary>SHA-256 of the canonical pool, inspector list and rules at commit (DrawCanonical), shown with the seed
    /// commitment: the frozen input cannot be changed afterwards without the change showing.</summary>
    public required string PoolSha256 { get; set; }
    public required string InspectorsSha256 { get; set; }
    public required string RulesSha256 { get; set; }
    public DateTime CommittedAtUtc { get; set; }
    public required string CommittedBy { get; set; }
    public DateTime? ExecutedAtUtc { get; set; }
    public string? ExecutedBy { get; set; }
    /// <summary>The outcome (counts, tasks with teams) as JSON, once executed.</summary>
    public string? OutcomeJson { get; set; }
    public int? ReplacesDrawId { get; set; }
    /// <summary>Why this draw replaces another.</summary>
    public string? Reason { get; set; }
}
