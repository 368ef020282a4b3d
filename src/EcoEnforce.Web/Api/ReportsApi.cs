using System.Security.Claims;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Reports;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoEnforce.Web.Api;

/// <summary>The dashboard's figures (报表驾驶舱) for other clients: the same numbers the page shows.</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder v1)
    {
        var reports = v1.MapGroup("/reports").WithTags("报表").RequireAuthorization(Policies.StaffOrLiaison);
        reports.MapGet("/figures", FiguresAsync)
            .WithSummary("年度统计：按月计划/完成检查、发现问题，问题按类别/来源/措施，整改与罚款，各专项；可按专项、承办单位、月份筛选。联络员仅得本单位数据（见 scope）");
    }

    private static async Task<Results<Ok<FiguresDto>, ValidationProblem>> FiguresAsync(ClaimsPrincipal user, EcoEnforceDb db, TimeProvider clock,
        CancellationToken ct, int? year = null, int? campaignId = null, int? unitId = null, int? month = null)
    {
        var y = year ?? ChinaTime.Today(clock).Year;
        var errors = await FigureScope.CheckAsync(db, y, campaignId, unitId, month, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "查询参数有误");
        var (filter, scope) = await FigureScope.ResolveAsync(db, user, y, campaignId, unitId, month, ct);
        return TypedResults.Ok(FiguresDto.From(await Figures.ForAsync(db, clock, filter, ct), filter, scope));
    }
}
