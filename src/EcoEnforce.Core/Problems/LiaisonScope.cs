using System.Security.Claims;
using EcoEnforce.Accounts;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Problems;

/// <summary>A liaison officer (联络员) sees only the problems of entities in his own township or street; everyone else
/// on the staff sees all. Null means "no restriction"; a liaison without a township gets an impossible id (sees none).</summary>
public static class LiaisonScope
{
    public static async Task<int?> TownshipAsync(EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Liaison) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.SectionChief)
            || user.IsInRole(Roles.Inspector) || user.IsInRole(Roles.Viewer))
            return null;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var department = await db.Users.Where(u => u.Id == userId).Select(u => u.DepartmentId).FirstOrDefaultAsync(ct);
        var isTownship = department is { } d && await db.Departments.AnyAsync(x => x.Id == d
            && (x.Kind == Organisation.DepartmentKind.Township || x.Kind == Organisation.DepartmentKind.Street), ct);
        return isTownship ? department : -1;
    }
}
