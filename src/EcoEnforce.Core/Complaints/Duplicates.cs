using EcoEnforce.Places;

namespace EcoEnforce.Complaints;

/// <summary>Several people ring 12345 about the same night of piling: one event, one hot-spot count. A complaint
/// duplicates an earlier one when it came within <see cref="ComplaintOptions.DuplicateHours"/> of it, is within
/// <see cref="ComplaintOptions.DuplicateMetres"/> of it or matched the same entity, and says something alike. It is
/// merged under the earliest complaint of the event (never under another duplicate).</summary>
public static class Duplicates
{
    public static Complaint? OriginalOf(Complaint incoming, IEnumerable<Complaint> earlier, ComplaintOptions options)
    {
        var window = TimeSpan.FromHours(options.DuplicateHours);
        return earlier
            .Where(e => e != incoming && e.DuplicateOfId is null && e.DuplicateOf is null)
            .Where(e => e.ReceivedAtUtc <= incoming.ReceivedAtUtc && incoming.ReceivedAtUtc - e.ReceivedAtUtc <= window)
            .Where(e => SamePlace(incoming, e, options.DuplicateMetres))
            .Where(e => AddressText.TextSimilarity(incoming.Text, e.Text) >= options.DuplicateTextSimilarity)
            .OrderBy(e => e.ReceivedAtUtc)
            .FirstOrDefault();
    }

    private static bool SamePlace(Complaint a, Complaint b, double metres)
    {
        if (a.EnterpriseId is { } x && x == b.EnterpriseId) return true;
        if (a.Enterprise is { } ea && ea == b.Enterprise) return true;
        if (a.Latitude is not { } lat || a.Longitude is not { } lon || b.Latitude is not { } blat || b.Longitude is not { } blon) return false;
        return PlaceGeometry.DistanceMetres(lat, lon, blat, blon) <= metres;
    }
}
