using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Places;
using EcoEnforce.Registry;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Draws;

/// <summary>An entity the filter matched but the rules left out, and why.</summary>
public sealed record PoolExclusion(string Key, string Name, string Stratum, string Reason);

/// <summary>What a draw would pick from, frozen at commit: the algorithm's input without the seed, and the
/// exclusions shown beside it.</summary>
public sealed record FrozenPool(DrawRules Rules, IReadOnlyList<PoolObject> Objects, IReadOnlyList<PoolInspector> Inspectors,
    IReadOnlyList<PoolExclusion> Exclusions);

/// <summary>The inspection period and window a draw is for.</summary>
public sealed record DrawWindow(DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly WindowStart, DateOnly WindowEnd);

/// <summary>Builds a draw's pool from the registry under a rule spec: the filter (classes, flags, industry, park,
/// township, zones), then the positive list and the frequency caps; and the officers whose certificates are valid
/// throughout the inspection window, with each entity's declared conflicts and previous inspectors.</summary>
public sealed class DrawPool(EcoEnforceDb db, ISpatialQueries spatial, RiskStratification risk)
{
    /// <param name="replacing">A re-draw's predecessor: its assignments are about to be withdrawn, so they count
    /// neither against the caps nor as anyone's previous inspection.</param>
    public async Task<Result<FrozenPool>> BuildAsync(DrawRuleSpec spec, DrawWindow window, CancellationToken ct, int? replacing = null)
    {
        var lead = spec.LeadDepartmentId is { } leadId
            ? await db.Departments.Where(d => d.Id == leadId).Select(d => d.Name).FirstOrDefaultAsync(ct)
            : null;
        if (spec.LeadDepartmentId is not null && lead is null) return Result<FrozenPool>.Fail("LeadDepartmentId", "规则指定的牵头部门不存在");

        var entities = await MatchingEntitiesAsync(spec.Filter, window, ct);
        var routine = await RoutineCountsAsync(spec, window, replacing, ct);
        var conflicts = await ConflictsAsync(ct);
        var previous = await PreviousInspectorsAsync(ct);

        var objects = new List<PoolObject>();
        var exclusions = new List<PoolExclusion>();
        foreach (var e in entities.OrderBy(e => e.CreditCode, StringComparer.Ordinal))
        {
            var stratum = e.SupervisionClass.ToString();
            if (!spec.Filter.IncludePositiveList && e.IsOnPositiveList(window.WindowStart))
            {
                exclusions.Add(new(e.CreditCode, e.Name, stratum, "正面清单企业，以非现场监管为主，不纳入例行现场抽查"));
                continue;
            }
            if (CapReached(spec, e, routine) is { } reason)
            {
                exclusions.Add(new(e.CreditCode, e.Name, stratum, reason));
                continue;
            }
            objects.Add(new PoolObject(e.CreditCode, e.Name, stratum,
                conflicts.TryGetValue(e.Id, out var c) ? c : [], previous.TryGetValue(e.Id, out var p) ? p : []));
        }

        var inspectors = await db.Inspectors.AsNoTracking()
            .Where(i => i.IsActive && i.CertificateValidFrom <= window.WindowStart && i.CertificateValidTo >= window.WindowEnd)
            .OrderBy(i => i.CertificateNumber)
            .Select(i => new PoolInspector(i.CertificateNumber, i.Name, i.Department!.Name))
            .ToListAsync(ct);
        if (inspectors.Count == 0)
            return Result<FrozenPool>.Fail("Inspectors", $"没有执法证在 {window.WindowStart:yyyy-MM-dd} 至 {window.WindowEnd:yyyy-MM-dd} 全程有效的在岗执法人员，无法抽取");

        List<StratumQuota> quotas = [.. spec.Quotas.Select(q => new StratumQuota(q.Class.ToString(), q.Percent, q.PerInspector, q.All))];
        if (spec.Risk is { } strata)
        {
            var split = await risk.ApplyAsync(strata, objects, quotas, entities.ToDictionary(e => e.CreditCode, e => e.Id), window.WindowStart, ct);
            if (!split.Succeeded) return Result<FrozenPool>.Fail(split.Errors);
            (objects, quotas) = split.Value;
        }
        var rules = new DrawRules(DrawRules.CurrentVersion, quotas, spec.TeamSize, lead, spec.AvoidPreviousInspector);
        return Result<FrozenPool>.Ok(new FrozenPool(rules, objects, inspectors, exclusions));
    }

    /// <summary>The entities a rule's filter covers on a day, before the positive list and the frequency caps: the scope
    /// from which a campaign's targeted (non-random) checks are chosen by risk.</summary>
    public async Task<IReadOnlySet<int>> ScopeAsync(DrawRuleSpec spec, DateOnly day, CancellationToken ct) =>
        (await MatchingEntitiesAsync(spec.Filter, new DrawWindow(day, day, day, day), ct)).Select(e => e.Id).ToHashSet();

    private async Task<List<Enterprise>> MatchingEntitiesAsync(PoolFilter filter, DrawWindow window, CancellationToken ct)
    {
        var query = db.Enterprises.AsNoTracking().Include(e => e.PositiveListEntries).AsQueryable();
        if (filter.Classes.Count > 0) query = query.Where(e => filter.Classes.Contains(e.SupervisionClass));
        if (filter.Parks.Count > 0) query = query.Where(e => filter.Parks.Contains(e.Park));
        if (filter.TownshipIds.Count > 0) query = query.Where(e => filter.TownshipIds.Contains(e.TownshipId));
        if (filter.Flags.Count > 0)
        {
            var f = filter.Flags;
            query = query.Where(e =>
                (f.Contains(EntityFlag.AutoMonitoringKeyUnit) && e.IsAutoMonitoringKeyUnit)
                || (f.Contains(EntityFlag.NuclearTechUser) && e.IsNuclearTechUser)
                || (f.Contains(EntityFlag.EnvironmentalRisk) && e.IsEnvironmentalRisk)
                || (f.Contains(EntityFlag.Chemical) && e.IsChemical)
                || (f.Contains(EntityFlag.ConstructionSite) && e.IsConstructionSite));
        }
        var list = await query.ToListAsync(ct);
        if (filter.IndustryPrefixes.Count > 0)
            list = [.. list.Where(e => filter.IndustryPrefixes.Any(p => e.IndustryCode.StartsWith(p.Trim(), StringComparison.OrdinalIgnoreCase)))];
        if (filter.Zones.Count > 0)
        {
            var inZones = await ZoneMembersAsync(filter.Zones, window, list, ct);
            list = [.. list.Where(e => inZones.Contains(e.Id))];
        }
        return list;
    }

    /// <summary>Entities inside any of the zones, with real geometry (PostGIS on PostgreSQL, NetTopologySuite otherwise).</summary>
    private async Task<HashSet<int>> ZoneMembersAsync(IEnumerable<ZoneFilter> zones, DrawWindow window, List<Enterprise> candidates, CancellationToken ct)
    {
        var chemical = candidates.Where(e => e.IsChemical).Select(e => e.Id).ToHashSet();
        var result = new HashSet<int>();
        foreach (var zone in zones)
        {
            var places = db.Places.AsNoTracking().Where(p => p.Kind == zone.Kind);
            if (zone.Levels.Count > 0) places = places.Where(p => zone.Levels.Contains(p.Level));
            // Exam venues count only when an exam falls in the inspection window (考试期间).
            if (zone.Kind == PlaceKind.ExamVenue)
                places = places.Where(p => p.ActivePeriods.Any(a => a.Start <= window.WindowEnd && window.WindowStart <= a.End));
            var ids = await places.Select(p => p.Id).ToListAsync(ct);
            if (ids.Count == 0) continue;
            var members = await spatial.EnterprisesWithinAsync(ids, zone.Metres, ct);
            result.UnionWith(zone.ChemicalOnly ? members.Where(chemical.Contains) : members);
        }
        return result;
    }

    /// <summary>Routine (双随机) inspections per entity in the cap periods around the window: quarter and year.</summary>
    private async Task<Dictionary<(int Entity, DrawPeriodKind Per), int>> RoutineCountsAsync(DrawRuleSpec spec, DrawWindow window, int? replacing, CancellationToken ct)
    {
        var counts = new Dictionary<(int, DrawPeriodKind), int>();
        if (spec.Caps.Count == 0) return counts;
        var (yearStart, yearEnd) = Periods.YearOf(window.WindowStart);
        var tasks = await db.InspectionTasks.AsNoTracking()
            .Where(t => t.Source == TaskSource.RandomDraw && t.Status != Inspections.TaskStatus.Cancelled
                && t.WindowStart <= yearEnd && yearStart <= t.WindowEnd
                && !(t.Status == Inspections.TaskStatus.Planned && t.Campaigns.All(c => c.DrawId == replacing)))
            .Select(t => new { t.EnterpriseId, t.WindowStart })
            .ToListAsync(ct);
        var (quarterStart, quarterEnd) = Periods.QuarterOf(window.WindowStart);
        foreach (var t in tasks)
        {
            Increment(counts, (t.EnterpriseId, DrawPeriodKind.Year));
            if (t.WindowStart >= quarterStart && t.WindowStart <= quarterEnd) Increment(counts, (t.EnterpriseId, DrawPeriodKind.Quarter));
        }
        return counts;
    }

    private static void Increment(Dictionary<(int, DrawPeriodKind), int> counts, (int, DrawPeriodKind) key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string? CapReached(DrawRuleSpec spec, Enterprise e, Dictionary<(int Entity, DrawPeriodKind Per), int> routine)
    {
        foreach (var cap in spec.Caps.Where(c => c.Class == e.SupervisionClass))
        {
            var done = routine.GetValueOrDefault((e.Id, cap.Per));
            if (done >= cap.MaxRoutine)
            {
                var per = cap.Per == DrawPeriodKind.Quarter ? "本季度" : "本年度";
                return $"{per}已安排例行抽查 {done} 次，达到{Labels.SupervisionClasses[e.SupervisionClass]}每{(cap.Per == DrawPeriodKind.Quarter ? "季度" : "年")} {cap.MaxRoutine} 次的上限（投诉、交办、数据线索等个案检查不受此限）";
            }
        }
        return null;
    }

    private async Task<Dictionary<int, IReadOnlyList<string>>> ConflictsAsync(CancellationToken ct) =>
        (await db.InspectorConflicts.AsNoTracking()
            .Select(c => new { c.EnterpriseId, c.Inspector!.CertificateNumber })
            .ToListAsync(ct))
        .GroupBy(c => c.EnterpriseId)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(c => c.CertificateNumber).Order(StringComparer.Ordinal)]);

    /// <summary>The officers of each entity's latest inspection that took place.</summary>
    private async Task<Dictionary<int, IReadOnlyList<string>>> PreviousInspectorsAsync(CancellationToken ct)
    {
        var rows = await db.TaskInspectors.AsNoTracking()
            .Join(db.InspectionTasks.Where(t => t.Status == Inspections.TaskStatus.Done), i => i.TaskId, t => t.Id,
                (i, t) => new { t.EnterpriseId, t.Id, On = t.InspectedOn ?? t.WindowEnd, i.Inspector!.CertificateNumber })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.EnterpriseId).ToDictionary(g => g.Key, g =>
        {
            var latest = g.MaxBy(r => (r.On, r.Id))!.Id;
            return (IReadOnlyList<string>)[.. g.Where(r => r.Id == latest).Select(r => r.CertificateNumber).Order(StringComparer.Ordinal)];
        });
    }
}
