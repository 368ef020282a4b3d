using System.Security.Claims;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Inspections;

/// <summary>Task lists for the board. Leaders see every task; an officer sees his own team's (drawn tasks are secret
/// until done, see <see cref="DrawAccess"/>).</summary>
public static class TaskQueries
{
    public sealed record Filter(bool MineOnly, TaskStatus? Status, int? CampaignId, int? TownshipId, TaskSource? Source);

    public sealed record Row(int Id, string Entity, string Township, IReadOnlyList<string> Campaigns, TaskSource Source, InspectionMode Mode,
        bool Unannounced, DateOnly WindowStart, DateOnly WindowEnd, DateOnly? PlannedOn, TaskStatus Status, IReadOnlyList<string> Team);

    public static async Task<List<Row>> ListAsync(EcoEnforceDb db, ClaimsPrincipal user, Filter filter, int max, CancellationToken ct)
    {
        var query = db.InspectionTasks.AsNoTracking();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (filter.MineOnly || !DrawAccess.IsLeader(user))
            query = query.Where(t => t.Inspectors.Any(i => i.Inspector!.UserId == userId && userId != null));
        if (filter.Status is { } status) query = query.Where(t => t.Status == status);
        else query = query.Where(t => t.Status == TaskStatus.Planned || t.Status == TaskStatus.InProgress);
        if (filter.CampaignId is { } campaign) query = query.Where(t => t.Campaigns.Any(c => c.CampaignId == campaign));
        if (filter.TownshipId is { } township) query = query.Where(t => t.Enterprise!.TownshipId == township);
        if (filter.Source is { } source) query = query.Where(t => t.Source == source);
        return await query
            .OrderBy(t => t.Status == TaskStatus.InProgress ? 0 : 1).ThenBy(t => t.PlannedOn ?? t.WindowStart).ThenBy(t => t.Id)
            .Take(max)
            .Select(t => new Row(t.Id, t.Enterprise!.Name, t.Enterprise.Township!.Name,
                t.Campaigns.Select(c => c.Campaign!.ShortName).ToList(), t.Source, t.Mode, t.Unannounced, t.WindowStart, t.WindowEnd,
                t.PlannedOn, t.Status, t.Inspectors.Select(i => i.Inspector!.Name).ToList()))
            .ToListAsync(ct);
    }

    public static async Task<bool> CanViewAsync(EcoEnforceDb db, ClaimsPrincipal user, int taskId, CancellationToken ct) =>
        DrawAccess.IsLeader(user) || await TaskAccess.IsOnTeamAsync(db, user, taskId, ct);
}
