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
        // The commitment is the one recorded before the draw, not one recomputed from the seed.
        return DrawExport.Create(metadata, input, outcome) with { SeedSha256 = draw.SeedSha256 };
    }
}
