using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Registry;

/// <summary>Filters and pages the registry; shared by the registry page, the API and the export.</summary>
public static class SearchEntities
{
    public sealed record Filter
    {
        public string? Query { get; init; }
        public SupervisionClass? SupervisionClass { get; init; }
        public int? TownshipId { get; init; }
        public IndustrialPark? Park { get; init; }
        public string? IndustryCode { get; init; }
        public string? Flag { get; init; }
        /// <summary>Only these ids (e.g. the entities inside a zone), when set.</summary>
        public IReadOnlySet<int>? Ids { get; init; }
        public int Page { get; init; } = 1;
        public int PageSize { get; init; } = 50;
    }

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    /// <summary>Flags a filter may ask for, by their query-string name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>
    {
        ["automonitoring"] = "自动监控重点单位",
        ["nuclear"] = "核技术利用单位",
        ["risk"] = "环境风险企业",
        ["chemical"] = "化工企业",
        ["construction"] = "建筑工地",
        ["positive"] = "正面清单",
        ["demo"] = "示例数据",
    };

    public static IQueryable<Enterprise> Apply(IQueryable<Enterprise> query, Filter filter, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var q = filter.Query.Trim();
            query = query.Where(e => e.Name.Contains(q) || e.CreditCode.Contains(q.ToUpper()) || e.Address.Contains(q));
        }
        if (filter.Ids is { } ids) query = query.Where(e => ids.Contains(e.Id));
        if (filter.SupervisionClass is { } sc) query = query.Where(e => e.SupervisionClass == sc);
        if (filter.TownshipId is { } t) query = query.Where(e => e.TownshipId == t);
        if (filter.Park is { } p) query = query.Where(e => e.Park == p);
        if (!string.IsNullOrWhiteSpace(filter.IndustryCode)) query = query.Where(e => e.IndustryCode.StartsWith(filter.IndustryCode.Trim().ToUpper()));
        query = filter.Flag switch
        {
            "automonitoring" => query.Where(e => e.IsAutoMonitoringKeyUnit),
            "nuclear" => query.Where(e => e.IsNuclearTechUser),
            "risk" => query.Where(e => e.IsEnvironmentalRisk),
            "chemical" => query.Where(e => e.IsChemical),
            "construction" => query.Where(e => e.IsConstructionSite),
            "positive" => query.Where(e => e.PositiveListEntries.Any(x => x.From <= today && today <= x.To)),
            "demo" => query.Where(e => e.IsDemo),
            _ => query,
        };
        return query;
    }

    public static async Task<Page<Enterprise>> RunAsync(EcoEnforceDb db, Filter filter, DateOnly today, CancellationToken ct)
    {
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var page = Math.Max(1, filter.Page);
        var query = Apply(db.Enterprises.AsNoTracking(), filter, today);
        var total = await query.CountAsync(ct);
        var items = await query
            .Include(e => e.Township)
            .Include(e => e.PositiveListEntries)
            .OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(ct);
        return new Page<Enterprise>(items, total, page, size);
    }
}
