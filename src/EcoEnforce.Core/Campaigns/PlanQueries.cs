using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Campaigns;

public static class PlanQueries
{
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
