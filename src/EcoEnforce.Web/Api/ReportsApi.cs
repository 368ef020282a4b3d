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

    /// <summary>The parameters arrive as text because an HTML form sends an unchosen filter as an empty value
    /// (campaignId=), which means "all" rather than a binding failure; anything else that is not a number gets a
    /// Chinese message like every other bad value.</summary>
    private static async Task<Results<Ok<FiguresDto>, ValidationProblem>> FiguresAsync(ClaimsPrincipal user, EcoEnforceDb db, TimeProvider clock,
        CancellationToken ct, string? year = null, string? campaignId = null, string? unitId = null, string? month = null)
    {
        var errors = new List<FieldError>();
        var y = Parse(year, "year", "年度", errors) ?? ChinaTime.Today(clock).Year;
        var (c, u, m) = (Parse(campaignId, "campaignId", "专项", errors), Parse(unitId, "unitId", "承办单位", errors), Parse(month, "month", "月份", errors));
        if (errors.Count == 0) errors = await FigureScope.CheckAsync(db, y, c, u, m, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "查询参数有误");
        var (filter, scope) = await FigureScope.ResolveAsync(db, user, y, c, u, m, ct);
        return TypedResults.Ok(FiguresDto.From(await Figures.ForAsync(db, clock, filter, ct), filter, scope));
    }

    private static int? Parse(string? text, string field, string name, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(new(field, $"{name}应为整数"));
        return null;
    }
}
