using System.Security.Claims;
using EcoEnforce.Accounts;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Inspections;

/// <summary>Who may work on a task: its own team (the officer linked to the signed-in user), and section chiefs and
/// administrators. Leaders and viewers read only.</summary>
public static class TaskAccess
{
    public static async Task<bool> CanWorkOnAsync(EcoEnforceDb db, ClaimsPrincipal user, int taskId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.SectionChief)) return true;
        return user.IsInRole(Roles.Inspector) && await IsOnTeamAsync(db, user, taskId, ct);
    }

    /// <summary>Whether the officer linked to the signed-in user is on the task's team.</summary>
    public static Task<bool> IsOnTeamAsync(EcoEnforceDb db, ClaimsPrincipal user, int taskId, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null
            ? Task.FromResult(false)
            : db.TaskInspectors.AnyAsync(i => i.TaskId == taskId && i.Inspector!.UserId == userId, ct);
    }

    /// <summary>The officer record of the signed-in user, if any.</summary>
    public static Task<int?> OfficerIdAsync(EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.Inspectors.Where(i => i.UserId == userId && userId != null).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
    }
}
