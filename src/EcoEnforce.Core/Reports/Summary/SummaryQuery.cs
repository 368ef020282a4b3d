using EcoEnforce.Campaigns;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Reports.Summary;

/// <summary>Builds an <see cref="AnnualSummary"/> from the live data.</summary>
public static class SummaryQuery
{
    /// <summary>The plan year's current plan: the published version if there is one, else the draft.</summary>
    public static Task<Plan?> PlanAsync(EcoEnforceDb db, int year, CancellationToken ct) =>
        db.Plans.AsNoTracking().Include(p => p.Campaigns.OrderBy(c => c.SortOrder))
            .Where(p => p.Year == year && p.Status != PlanStatus.Superseded)
            .OrderByDescending(p => p.Status == PlanStatus.Published).ThenByDescending(p => p.Version)
            .FirstOrDefaultAsync(ct);

    /// <summary>Null when the year has no plan or the campaign is not one of its campaigns.</summary>
    public static async Task<AnnualSummary?> ComputeAsync(EcoEnforceDb db, TimeProvider clock, int year, int? campaignId, CancellationToken ct)
    {
        var plan = await PlanAsync(db, year, ct);
        if (plan is null) return null;
        Campaign? campaign = null;
        if (campaignId is { } id && (campaign = plan.Campaigns.FirstOrDefault(c => c.Id == id)) is null) return null;

        var figures = await Figures.ForAsync(db, clock, new Figures.Filter(year, campaignId), ct);
        var cases = await CasesAsync(db, ChinaTime.Today(clock), year, campaignId, ct);
        var nuclear = plan.Campaigns.FirstOrDefault(c => c.Kind == CampaignKind.NuclearRadiation && (campaignId is null || c.Id == campaignId));
        var table = nuclear is null ? null : await NuclearSummary.ComputeAsync(db, ChinaTime.Today(clock), year, nuclear, ct);
        return new AnnualSummary(year, plan.Title, campaign?.Id, campaign?.ShortName, figures, cases, table);
    }

    /// <summary>The year's typical cases in the chosen order; a campaign's summary tells only its own.</summary>
    public static async Task<IReadOnlyList<CaseItem>> CasesAsync(EcoEnforceDb db, DateOnly today, int year, int? campaignId, CancellationToken ct)
    {
        var rows = await db.TypicalCases.AsNoTracking()
            .Where(c => c.Year == year && (campaignId == null || c.Problem!.CampaignId == campaignId))
            .Include(c => c.Problem!).ThenInclude(p => p.Enterprise)
            .Include(c => c.Problem!).ThenInclude(p => p.Measures)
            .AsSplitQuery().ToListAsync(ct);
        return [.. rows.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c =>
        {
            var p = c.Problem!;
            var measures = p.Measures.OrderBy(m => m.TakenOn).Select(m => Labels.MeasureKinds[m.Kind]).Distinct().ToList();
            return new CaseItem(c.Id, p.Id, c.SortOrder, p.Enterprise?.Name ?? "", ProblemLabels.Category(p), p.FoundOn,
                c.Summary ?? p.Description, c.Summary is not null, measures, ProblemRules.TotalFineWan(p.Measures),
                SummaryText.Rectification([p], today));
        })];
    }
}
