using System.Security.Claims;
using EcoEnforce.Accounts;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Who may do what with a monthly report: a user files for his own unit (an administrator for any); section
/// chiefs, leaders and administrators review; bureau staff read every unit's, a liaison officer only his own.</summary>
public sealed record ReportAccess(int? OwnUnit, bool IsStaff, bool IsAdmin, bool CanReview)
{
    public static async Task<ReportAccess> ForAsync(EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var unit = await db.Users.Where(u => u.Id == userId).Select(u => u.DepartmentId).FirstOrDefaultAsync(ct);
        var isStaff = Roles.All.Where(r => r != Roles.Liaison).Any(user.IsInRole);
        var isAdmin = user.IsInRole(Roles.Admin);
        return new(unit, isStaff, isAdmin, isAdmin || user.IsInRole(Roles.SectionChief) || user.IsInRole(Roles.Leader));
    }

    public bool CanRead(int unitId) => IsStaff || OwnUnit == unitId;

    public bool CanFile(int unitId) => IsAdmin || OwnUnit == unitId;
}
