using System.Globalization;

namespace EcoEnforce.Draws;

/// <summary>The auditor's export of an executed draw: its frozen input, the commitment as recorded at commit time,
/// the revealed seed and the result.</summary>
public static class DrawExports
{
    public static DrawExport For(Draw draw, string campaignTitle)
    {
        if (draw.Status != DrawStatus.Executed || draw.OutcomeJson is null)
            throw new InvalidOperationException("Only an executed draw can be exported.");
        var stored = DrawJson.Deserialize<DrawJson.StoredInput>(draw.InputJson);
        var outcome = DrawJson.Deserialize<DrawOutcome>(draw.OutcomeJson);
        var metadata = new DrawMetadata(draw.Id.ToString(CultureInfo.InvariantCulture), draw.Title, campaignTitle, draw.PeriodLabel,
            draw.CommittedAtUtc, draw.ExecutedAtUtc!.Value, draw.Reason, draw.ReplacesDrawId?.ToString(CultureInfo.InvariantCulture));
        var input = new DrawInput(stored.Rules, stored.Pool, stored.Inspectors, Convert.FromHexString(draw.Seed));
        // The commitments are the ones recorded before the draw, not ones recomputed from what is stored now.
        return DrawExport.Create(metadata, input, outcome) with
        {
            SeedSha256 = draw.SeedSha256,
            Digests = new DrawDigests(draw.PoolSha256, draw.InspectorsSha256, draw.RulesSha256),
        };
    }
}
