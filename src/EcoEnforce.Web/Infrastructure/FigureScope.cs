using System.Security.Claims;
using EcoEnforce.Accounts;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Reports;
using EcoEnforce.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>What the figures API and the dashboard accept, and whose figures a user may see. A liaison officer (联络员)
/// is held to his own unit (承办单位 = his department) whatever he asks for, as the ledger holds him to his township;
/// bureau staff see what they ask for.</summary>
public static class FigureScope
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    /// <summary>Matches no department: a liaison officer without a unit sees nothing rather than everything.</summary>
    private const int NoUnit = -1;

    public static async Task<List<FieldError>> CheckAsync(EcoEnforceDb db, int year, int? campaignId, int? unitId, int? month, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (year is < MinYear or > MaxYear) errors.Add(new("year", $"年度应在 {MinYear}—{MaxYear} 之间"));
        if (month is < 1 or > 12) errors.Add(new("month", "月份应为 1—12"));
        if (campaignId is { } c && !await db.Campaigns.AnyAsync(x => x.Id == c, ct)) errors.Add(new("campaignId", "专项不存在"));
        if (unitId is { } u && !await db.Departments.AnyAsync(x => x.Id == u, ct)) errors.Add(new("unitId", "承办单位不存在"));
        return errors;
    }

    /// <summary>The filter to compute with (the unit forced for a liaison officer) and the scope to tell the caller.</summary>
    public static async Task<(Figures.Filter Filter, ScopeDto Scope)> ResolveAsync(EcoEnforceDb db, ClaimsPrincipal user,
        int year, int? campaignId, int? unitId, int? month, CancellationToken ct)
    {
        if (!IsLiaisonOnly(user))
        {
            var name = unitId is { } u ? await UnitNameAsync(db, u, ct) : null;
            return (new(year, campaignId, unitId, month), new(false, unitId, name, name is null ? "全区（全部承办单位）" : $"承办单位：{name}"));
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var own = await db.Users.Where(x => x.Id == userId).Select(x => x.DepartmentId).FirstOrDefaultAsync(ct);
        if (own is not { } unit)
            return (new(year, campaignId, NoUnit, month), new(true, null, null, "联络员账号未关联单位，无可查看的数据；请联系管理员设置所属单位"));
        var ownName = await UnitNameAsync(db, unit, ct);
        var note = unitId is null || unitId == unit
            ? $"联络员仅可查看本单位数据：{ownName}"
            : $"联络员仅可查看本单位数据，已改为按本单位（{ownName}）统计";
        return (new(year, campaignId, unit, month), new(true, unit, ownName, note));
    }

    /// <summary>Liaison and nothing else: a liaison who also holds a staff role sees what staff see (as in LiaisonScope).</summary>
    public static bool IsLiaisonOnly(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Liaison) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Leader) && !user.IsInRole(Roles.SectionChief)
        && !user.IsInRole(Roles.Inspector) && !user.IsInRole(Roles.Viewer);

    private static Task<string?> UnitNameAsync(EcoEnforceDb db, int id, CancellationToken ct) =>
        db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct);
}
