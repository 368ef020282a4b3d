using System.Security.Claims;
using EcoEnforce.Accounts;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Evidence;

/// <summary>Evidence is seen by whoever may see what it is attached to: a task's by leaders and its team
/// (<see cref="TaskQueries.CanViewAsync"/>), a problem's by leaders and the team of the task it was found at. It is
/// added by those who work on the task; for a problem also by editors (管理员, 科室负责人). Staff only throughout.</summary>
public static class EvidenceAccess
{
    private static readonly string[] StaffRoles = Roles.Staff.Split(',');

    public static bool IsStaff(ClaimsPrincipal user) => StaffRoles.Any(user.IsInRole);

    /// <summary>Whether the task or problem exists; exactly one id is expected.</summary>
    public static Task<bool> ExistsAsync(EcoEnforceDb db, int? taskId, int? problemId, CancellationToken ct) =>
        taskId is { } t ? db.InspectionTasks.AnyAsync(x => x.Id == t, ct)
        : problemId is { } p ? db.Problems.AnyAsync(x => x.Id == p, ct)
        : Task.FromResult(false);

    public static async Task<bool> CanViewAsync(EcoEnforceDb db, ClaimsPrincipal user, int? taskId, int? problemId, CancellationToken ct)
    {
        if (!IsStaff(user)) return false;
        if (taskId is { } task) return await TaskQueries.CanViewAsync(db, user, task, ct);
        if (problemId is not { } problem) return false;
        if (DrawAccess.IsLeader(user)) return true;
        return await FindingTaskAsync(db, problem, ct) is { } found && await TaskQueries.CanViewAsync(db, user, found, ct);
    }

    public static async Task<bool> CanAddAsync(EcoEnforceDb db, ClaimsPrincipal user, int? taskId, int? problemId, CancellationToken ct)
    {
        if (!IsStaff(user)) return false;
        if (taskId is { } task) return await TaskAccess.CanWorkOnAsync(db, user, task, ct);
        if (problemId is not { } problem) return false;
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.SectionChief)) return true;
        return await FindingTaskAsync(db, problem, ct) is { } found && await TaskAccess.CanWorkOnAsync(db, user, found, ct);
    }

    private static Task<int?> FindingTaskAsync(EcoEnforceDb db, int problemId, CancellationToken ct) =>
        db.Problems.Where(p => p.Id == problemId).Select(p => p.TaskId).FirstOrDefaultAsync(ct);
}
