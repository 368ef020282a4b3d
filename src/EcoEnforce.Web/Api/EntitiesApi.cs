using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Api;

public static class EntitiesApi
{
    public sealed record EntitySummaryDto(
        int Id, string Name, string CreditCode, string Township, string? Park, string IndustryCode, string SupervisionClass,
        double Latitude, double Longitude, IReadOnlyList<string> Flags, bool IsDemo);

    public sealed record PositiveListDto(DateOnly From, DateOnly To, string Reason);

    public sealed record EntityDto(
        int Id, string Name, string CreditCode, string Address, string Township, string? Park, double Latitude, double Longitude,
        string IndustryCode, string SupervisionClass, string PermitType, string? PermitNumber, bool IsAutoMonitoringKeyUnit,
        bool IsNuclearTechUser, string? RadiationLicenceNumber, bool IsEnvironmentalRisk, bool IsChemical, bool IsConstructionSite,
        DateOnly? ConstructionStart, DateOnly? ConstructionEnd, IReadOnlyList<PositiveListDto> PositiveList,
        string? ContactName, string? ContactPhone, bool IsDemo, DateTime UpdatedAtUtc);

    public sealed record PageDto<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

    public static void MapEntitiesApi(this RouteGroupBuilder v1)
    {
        var entities = v1.MapGroup("/entities").WithTags("检查对象名录").RequireAuthorization(Infrastructure.Policies.Staff);
        entities.MapGet("/", ListAsync).WithSummary("筛选、分页查询检查对象（flag: automonitoring, nuclear, risk, chemical, construction, positive, demo）");
        entities.MapGet("/{id:int}", GetAsync).WithSummary("检查对象详情（含联系人，仅限内部使用）");
    }

    private static async Task<Results<Ok<PageDto<EntitySummaryDto>>, ValidationProblem>> ListAsync(
        EcoEnforceDb db, TimeProvider clock, CancellationToken ct,
        string? query = null, SupervisionClass? supervisionClass = null, int? townshipId = null, IndustrialPark? park = null,
        string? industryCode = null, string? flag = null, int page = 1, int pageSize = 50)
    {
        if (flag is not null && !SearchEntities.Flags.ContainsKey(flag))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["flag"] = [$"可选值：{string.Join(", ", SearchEntities.Flags.Keys)}"] });
        if (pageSize is < 1 or > 200 || page < 1)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = ["page ≥ 1，pageSize 为 1–200"] });
        var today = ChinaTime.Today(clock);
        var result = await SearchEntities.RunAsync(db, new SearchEntities.Filter
        {
            Query = query, SupervisionClass = supervisionClass, TownshipId = townshipId, Park = park,
            IndustryCode = industryCode, Flag = flag, Page = page, PageSize = pageSize,
        }, today, ct);
        return TypedResults.Ok(new PageDto<EntitySummaryDto>(
            [.. result.Items.Select(e => new EntitySummaryDto(
                e.Id, e.Name, e.CreditCode, e.Township?.Name ?? "", ParkName(e.Park), e.IndustryCode, e.SupervisionClass.ToString(),
                e.Latitude, e.Longitude, Flags(e, today), e.IsDemo))],
            result.Total, result.PageNumber, result.PageSize));
    }

    private static async Task<Results<Ok<EntityDto>, NotFound>> GetAsync(int id, EcoEnforceDb db, CancellationToken ct)
    {
        var e = await db.Enterprises.AsNoTracking().Include(x => x.Township).Include(x => x.PositiveListEntries)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return TypedResults.NotFound();
        return TypedResults.Ok(new EntityDto(
            e.Id, e.Name, e.CreditCode, e.Address, e.Township?.Name ?? "", ParkName(e.Park), e.Latitude, e.Longitude, e.IndustryCode,
            e.SupervisionClass.ToString(), e.PermitType.ToString(), e.PermitNumber, e.IsAutoMonitoringKeyUnit, e.IsNuclearTechUser,
            e.RadiationLicenceNumber, e.IsEnvironmentalRisk, e.IsChemical, e.IsConstructionSite, e.ConstructionStart, e.ConstructionEnd,
            [.. e.PositiveListEntries.OrderBy(p => p.From).Select(p => new PositiveListDto(p.From, p.To, p.Reason))],
            e.ContactName, e.ContactPhone, e.IsDemo, e.UpdatedAtUtc));
    }

    private static string? ParkName(IndustrialPark park) => park == IndustrialPark.None ? null : Labels.Parks[park];

    private static List<string> Flags(Enterprise e, DateOnly today)
    {
        var flags = new List<string>();
        if (e.IsAutoMonitoringKeyUnit) flags.Add("automonitoring");
        if (e.IsNuclearTechUser) flags.Add("nuclear");
        if (e.IsEnvironmentalRisk) flags.Add("risk");
        if (e.IsChemical) flags.Add("chemical");
        if (e.IsConstructionSite) flags.Add("construction");
        if (e.IsOnPositiveList(today)) flags.Add("positive");
        return flags;
    }
}
