using EcoEnforce.Data;
using EcoEnforce.Organisation;
using EcoEnforce.Places;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Complaints;

/// <summary>What every new complaint goes through, imported or typed in: category suggestion, night flag, matching to
/// an entity, township, the exam-zone urgent flag, and merging into an earlier complaint about the same event.</summary>
public sealed class ComplaintIntake(EcoEnforceDb db, ComplaintOptions options)
{
    private ComplaintMatcher? _matcher;
    private Dictionary<int, MatchCandidate> _byId = [];
    private Dictionary<string, int> _townships = [];
    private IReadOnlyList<ExamZone> _zones = [];

    public async Task LoadAsync(CancellationToken ct)
    {
        var candidates = await db.Enterprises.AsNoTracking()
            .Select(e => new MatchCandidate(e.Id, e.Name, e.Address, e.Latitude, e.Longitude, e.TownshipId)).ToListAsync(ct);
        _byId = candidates.ToDictionary(c => c.Id);
        _matcher = new ComplaintMatcher(candidates, options);
        _townships = await db.Departments.AsNoTracking()
            .Where(d => d.Kind == DepartmentKind.Township || d.Kind == DepartmentKind.Street)
            .ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        var venues = await db.Places.AsNoTracking().Include(p => p.ActivePeriods).Where(p => p.Kind == PlaceKind.ExamVenue).ToListAsync(ct);
        _zones = ExamZones.From(venues);
    }

    public void Enrich(Complaint c)
    {
        var matcher = _matcher ?? throw new InvalidOperationException("LoadAsync first");
        c.SuggestedCategory = CategorySuggestion.Suggest(c.Text);
        c.IsNight = ComplaintRules.IsNight(c.ReceivedAtUtc);
        var townshipName = AddressText.Township(c.Address, _townships.Keys);
        int? township = townshipName is null ? null : _townships[townshipName];
        var match = matcher.Match(c.Latitude, c.Longitude, c.Address, township);
        (c.EnterpriseId, c.MatchMethod, c.MatchConfidence, c.MatchStatus) = (match.EnterpriseId, match.Method, match.Confidence, match.Status);
        var entity = match.EnterpriseId is { } id ? _byId[id] : null;
        c.TownshipId = township ?? entity?.TownshipId;
        // Without coordinates of its own, a complaint matched with confidence stands where its entity does.
        var (lat, lon) = c.Latitude is { } y && c.Longitude is { } x ? (y, x)
            : entity is not null && match.Status == MatchStatus.Auto ? (entity.Latitude, entity.Longitude) : (double.NaN, double.NaN);
        var reason = double.IsNaN(lat) ? null : ExamZones.UrgentReason(_zones, lat, lon, c.ReceivedAtUtc, options.ExamZoneMetres);
        (c.IsUrgent, c.UrgentReason) = (reason is not null, reason);
    }

    /// <summary>Marks each new complaint that repeats an earlier one (stored or new) as merged into it.</summary>
    public async Task MergeDuplicatesAsync(IReadOnlyList<Complaint> incoming, CancellationToken ct)
    {
        if (incoming.Count == 0) return;
        var window = TimeSpan.FromHours(options.DuplicateHours);
        var from = incoming.Min(c => c.ReceivedAtUtc) - window;
        var to = incoming.Max(c => c.ReceivedAtUtc);
        var pool = await db.Complaints.Where(c => c.DuplicateOfId == null && c.ReceivedAtUtc >= from && c.ReceivedAtUtc <= to).ToListAsync(ct);
        foreach (var c in incoming.OrderBy(c => c.ReceivedAtUtc))
        {
            var original = Duplicates.OriginalOf(c, pool, options);
            if (original is not null)
            {
                c.DuplicateOf = original;
                c.Status = ComplaintStatus.Merged;
            }
            pool.Add(c);
        }
    }
}
