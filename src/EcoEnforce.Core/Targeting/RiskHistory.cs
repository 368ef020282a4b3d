using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Targeting;

/// <summary>A feature that read a fact dated on or after the day it describes: the model would learn from the future.</summary>
public sealed class LeakageException(string feature, DateOnly fact, DateOnly asOf)
    : Exception($"特征“{feature}”用到了 {fact:yyyy-MM-dd} 的记录，晚于或等于检查日 {asOf:yyyy-MM-dd}：不能用检查之后才知道的数据");

/// <summary>The bureau's own history, loaded once, from which an entity's risk features are computed as of a day. Every
/// fact carries the day it became known, and each feature takes its facts through <see cref="AsOf.Use"/>, which refuses
/// a fact dated on or after the day: a feature computed from a later inspection, problem, complaint or lead is rejected
/// with <see cref="LeakageException"/>, not silently used.</summary>
public sealed class RiskHistory
{
    public sealed record EntityFacts(int Id, string Name, int TownshipId, string SupervisionClass, string Industry, string Permit,
        bool Chemical, bool Risk, bool AutoMonitoring, double Latitude, double Longitude, IReadOnlyList<(DateOnly From, DateOnly To)> PositiveList);

    public sealed record Inspection(int TaskId, int EntityId, DateOnly On, int? LeadInspectorId, bool FoundProblem, IReadOnlyList<int> CampaignIds);

    internal sealed record ProblemFact(int EntityId, DateOnly On, double FineWan);

    internal sealed record PointFact(int? EntityId, DateOnly On, double Latitude, double Longitude);

    internal sealed record LeadFact(int EntityId, DateOnly On, DateOnly? DecidedOn);

    public IReadOnlyDictionary<int, EntityFacts> Entities { get; internal init; } = new Dictionary<int, EntityFacts>();
    public IReadOnlyList<Inspection> Inspections { get; internal init; } = [];
    internal IReadOnlyList<ProblemFact> Problems { get; init; } = [];
    internal IReadOnlyList<PointFact> Complaints { get; init; } = [];
    internal IReadOnlyList<LeadFact> Leads { get; init; } = [];

    public static async Task<RiskHistory> LoadAsync(EcoEnforceDb db, CancellationToken ct)
    {
        var entities = await db.Enterprises.AsNoTracking().Include(e => e.PositiveListEntries).ToListAsync(ct);
        var done = await db.InspectionTasks.AsNoTracking().Include(t => t.Inspectors).Include(t => t.Campaigns)
            .Where(t => t.Status == EcoEnforce.Inspections.TaskStatus.Done && t.InspectedOn != null).ToListAsync(ct);
        var problems = await db.Problems.AsNoTracking()
            .Select(p => new { p.EnterpriseId, p.FoundOn, p.TaskId, Fine = p.Measures.Sum(m => m.FineWan) ?? 0m }).ToListAsync(ct);
        var found = problems.Where(p => p.TaskId != null).Select(p => p.TaskId!.Value).ToHashSet();
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.DuplicateOfId == null)
            .Select(c => new { c.EnterpriseId, c.ReceivedAtUtc, c.Latitude, c.Longitude }).ToListAsync(ct);
        var leads = await db.Leads.AsNoTracking().Select(l => new { l.EnterpriseId, l.DetectedAtUtc, l.DecidedAtUtc }).ToListAsync(ct);
        static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ChinaTime.ToChina(utc));
        return new RiskHistory
        {
            Entities = entities.ToDictionary(e => e.Id, e => new EntityFacts(e.Id, e.Name, e.TownshipId, e.SupervisionClass.ToString(),
                e.IndustryCode.Length >= 3 ? e.IndustryCode[..3] : e.IndustryCode, e.PermitType.ToString(), e.IsChemical, e.IsEnvironmentalRisk,
                e.IsAutoMonitoringKeyUnit, e.Latitude, e.Longitude, [.. e.PositiveListEntries.Select(p => (p.From, p.To))])),
            Inspections = [.. done.OrderBy(t => t.InspectedOn).Select(t => new Inspection(t.Id, t.EnterpriseId, t.InspectedOn!.Value,
                t.Inspectors.OrderBy(i => i.Id).Select(i => (int?)i.InspectorId).FirstOrDefault(), found.Contains(t.Id), [.. t.Campaigns.Select(c => c.CampaignId)]))],
            Problems = [.. problems.Select(p => new ProblemFact(p.EnterpriseId, p.FoundOn, (double)p.Fine))],
            Complaints = [.. complaints.Select(c => new PointFact(c.EnterpriseId, Day(c.ReceivedAtUtc), c.Latitude ?? double.NaN, c.Longitude ?? double.NaN))],
            Leads = [.. leads.Select(l => new LeadFact(l.EnterpriseId, Day(l.DetectedAtUtc), l.DecidedAtUtc is { } d ? Day(d) : null))],
        };
    }

    /// <summary>Hands out facts for features computed as of one day, refusing any dated on or after it.</summary>
    public readonly struct AsOf(DateOnly day)
    {
        public DateOnly Day { get; } = day;

        public T Use<T>(string feature, DateOnly fact, T value) => fact < Day ? value : throw new LeakageException(feature, fact, Day);
    }

    public const double NearbyMetres = 1000;
    public const int NeverInspectedDays = 730;

    // Facts indexed once per history (by entity; complaints with a place by latitude), so ranking every entity
    // or building every training row does not scan all facts each time.
    private ILookup<int, ProblemFact>? _problems;
    private ILookup<int, Inspection>? _inspections;
    private ILookup<int, LeadFact>? _leads;
    private ILookup<int, PointFact>? _complaintsAbout;
    private PointFact[]? _complaintsByLatitude;

    /// <summary>An entity's features as of <paramref name="day"/>, from facts strictly before it.</summary>
    public IReadOnlyDictionary<string, object> Features(int entityId, DateOnly day, int? inspectorId = null)
    {
        var e = Entities[entityId];
        var asOf = new AsOf(day);
        var yearAgo = day.AddDays(-365);
        var problems = (_problems ??= Problems.ToLookup(p => p.EntityId))[entityId].Where(p => p.On < day).ToList();
        var lastInspection = (_inspections ??= Inspections.ToLookup(i => i.EntityId))[entityId].Where(i => i.On < day)
            .Select(i => asOf.Use("上次检查", i.On, (DateOnly?)i.On)).Max();
        var about = (_complaintsAbout ??= Complaints.Where(c => c.EntityId is not null).ToLookup(c => c.EntityId!.Value))[entityId];
        return new Dictionary<string, object>
        {
            ["监管类别"] = e.SupervisionClass,
            ["行业大类"] = e.Industry,
            ["排污许可"] = e.Permit,
            ["化工"] = e.Chemical ? 1.0 : 0.0,
            ["环境风险"] = e.Risk ? 1.0 : 0.0,
            ["自动监控重点单位"] = e.AutoMonitoring ? 1.0 : 0.0,
            ["正面清单"] = e.PositiveList.Any(p => p.From < day && p.To >= day && asOf.Use("正面清单", p.From, true)) ? 1.0 : 0.0,
            ["既往问题数"] = (double)problems.Count(p => asOf.Use("既往问题数", p.On, true)),
            ["近一年问题数"] = (double)problems.Count(p => p.On >= yearAgo && asOf.Use("近一年问题数", p.On, true)),
            ["既往罚款（万元，对数）"] = Math.Log(1 + problems.Sum(p => asOf.Use("既往罚款", p.On, p.FineWan))),
            ["距上次检查天数"] = lastInspection is { } last ? (double)Math.Min(NeverInspectedDays, day.DayNumber - last.DayNumber) : NeverInspectedDays,
            ["近一年针对本单位的投诉"] = (double)about.Count(c => c.On >= yearAgo && c.On < day && asOf.Use("投诉", c.On, true)),
            ["近一年周边1公里投诉"] = (double)Nearby(e).Count(c => c.On >= yearAgo && c.On < day && asOf.Use("周边投诉", c.On, true)),
            ["未处理数据线索"] = (double)(_leads ??= Leads.ToLookup(l => l.EntityId))[entityId]
                .Count(l => l.On < day && (l.DecidedOn is not { } d || d >= day) && asOf.Use("数据线索", l.On, true)),
            [RiskModel.InspectorFeature] = inspectorId is { } id ? $"#{id}" : "",
        };
    }

    /// <summary>Complaints with a place within <see cref="NearbyMetres"/> of the entity: a latitude band by binary search,
    /// then the distance.</summary>
    private IEnumerable<PointFact> Nearby(EntityFacts e)
    {
        var sorted = _complaintsByLatitude ??= [.. Complaints.Where(c => !double.IsNaN(c.Latitude)).OrderBy(c => c.Latitude)];
        var band = NearbyMetres / 110_000; // a little over a degree of latitude's share, so the band never cuts short
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].Latitude < e.Latitude - band) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < sorted.Length && sorted[i].Latitude <= e.Latitude + band; i++)
            if (Places.PlaceGeometry.DistanceMetres(e.Latitude, e.Longitude, sorted[i].Latitude, sorted[i].Longitude) <= NearbyMetres)
                yield return sorted[i];
    }
}
