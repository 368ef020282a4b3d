namespace EcoEnforce.Draws;

/// <summary>A named set of draw rules: a shipped example profile (national baseline, Chongqing) to copy, or the
/// rules a campaign's draws use.</summary>
public sealed class DrawRuleSet
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Null for an example profile; else the campaign whose draws use it.</summary>
    public int? CampaignId { get; set; }
    public Campaigns.Campaign? Campaign { get; set; }
    public bool IsExample { get; set; }
    /// <summary>A <see cref="DrawRuleSpec"/> as JSON.</summary>
    public required string SpecJson { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public DrawRuleSpec Spec => DrawRuleSpec.FromJson(SpecJson);
}
