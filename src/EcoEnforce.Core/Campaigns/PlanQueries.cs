using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Campaigns;

public static class PlanQueries
{
    /// <summary>The campaigns of plans still in force (draft or published, not superseded), newest year first: the
    /// choices of every campaign filter and form.</summary>
    public static Task<List<Campaign>> CurrentCampaignsAsync(EcoEnforceDb db, CancellationToken ct) =>
        db.Campaigns.AsNoTracking().Include(c => c.Plan).Where(c => c.Plan!.Status != PlanStatus.Superseded)
            .OrderByDescending(c => c.Plan!.Year).ThenBy(c => c.SortOrder).ToListAsync(ct);

    /// <summary>A plan with every campaign and their phases, checklists, deadlines and departments.</summary>
    public static Task<Plan?> LoadWholeAsync(EcoEnforceDb db, int id, CancellationToken ct, bool tracking = false)
    {
        var query = db.Plans
            .Include(p => p.Campaigns).ThenInclude(c => c.Phases)
            .Include(p => p.Campaigns).ThenInclude(c => c.CheckItems)
            .Include(p => p.Campaigns).ThenInclude(c => c.ReportingDeadlines)
            .Include(p => p.Campaigns).ThenInclude(c => c.Departments).ThenInclude(d => d.Department)
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct);
    }
}
