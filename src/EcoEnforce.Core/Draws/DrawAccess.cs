using System.Security.Claims;
using EcoEnforce.Accounts;
using EcoEnforce.Auditing;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Draws;

/// <summary>Secrecy then publicity: until its inspections have taken place a draw is seen only by leaders (局领导,
/// 科室负责人, 管理员) and the officers drawn for it, and every such view is audited; afterwards all staff see it
/// (and the public portal publishes it).</summary>
public static class DrawAccess
{
    public static bool IsLeader(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.SectionChief);

    /// <summary>Secret while not executed, while any of its tasks is still planned, or while the draw that replaced it
    /// is secret (its list would hint at the new one's).</summary>
    public static async Task<bool> IsSecretAsync(EcoEnforceDb db, Draw draw, CancellationToken ct)
    {
        if (draw.Status != DrawStatus.Executed) return true;
        if (await db.TaskCampaigns.AnyAsync(c => c.DrawId == draw.Id
                && db.InspectionTasks.Any(t => t.Id == c.TaskId && t.Status == Inspections.TaskStatus.Planned), ct))
            return true;
        var replacement = await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.ReplacesDrawId == draw.Id, ct);
        return replacement is not null && await IsSecretAsync(db, replacement, ct);
    }

    public static async Task<bool> CanViewAsync(EcoEnforceDb db, ClaimsPrincipal user, Draw draw, CancellationToken ct)
    {
        if (IsLeader(user)) return true;
        if (!user.IsInRole(Roles.Inspector) && !user.IsInRole(Roles.Viewer)) return false;
        if (!await IsSecretAsync(db, draw, ct)) return true;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && await db.TaskInspectors.AnyAsync(i => i.DrawId == draw.Id && i.Inspector!.UserId == userId, ct);
    }

    /// <summary>Writes an audit entry for a view of a secret draw (page, API or export).</summary>
    public static async Task RecordViewAsync(EcoEnforceDb db, IActor actor, TimeProvider clock, Draw draw, string what, CancellationToken ct)
    {
        if (!await IsSecretAsync(db, draw, ct)) return;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor.Name,
            Action = "查看",
            EntityType = nameof(Draw),
            EntityKey = draw.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = what,
        });
        await db.SaveChangesAsync(ct);
    }
}
