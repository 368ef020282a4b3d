using EcoEnforce.Places;

namespace EcoEnforce.Complaints;

/// <summary>A registry entity a complaint might be about.</summary>
public sealed record MatchCandidate(int Id, string Name, string Address, double Latitude, double Longitude, int TownshipId);

public sealed record MatchResult(int? EnterpriseId, MatchMethod Method, double Confidence, MatchStatus Status);

/// <summary>Finds the registered entity or site a complaint is about: by coordinates (nearest entity within the radius,
/// confidence falling linearly with distance) and by address text (normalised bigram similarity with the entity's
/// address and name). A township named in the address that differs from the entity's lowers the confidence; so does a
/// runner-up almost as good (the complainant could mean either). Below the auto threshold a person decides.</summary>
public sealed class ComplaintMatcher(IReadOnlyList<MatchCandidate> candidates, ComplaintOptions options)
{
    private const double AmbiguousMetres = 50;
    private const double AmbiguousSimilarity = 0.05;

    // Normalised once: an import compares every row with every entity.
    private readonly (MatchCandidate Candidate, string Address, string Name)[] _normalised =
        [.. candidates.Select(c => (c, AddressText.Normalise(c.Address), AddressText.Normalise(c.Name)))];

    public MatchResult Match(double? latitude, double? longitude, string? address, int? townshipId)
    {
        var (coordId, coordConfidence) = latitude is { } lat && longitude is { } lon ? ByCoordinates(lat, lon) : (null, 0);
        var (addrId, addrConfidence) = ByAddress(address, townshipId);
        if (coordId is not null && coordId == addrId)
        {
            // Two independent signals agree: combine as independent evidence.
            var combined = 1 - (1 - coordConfidence) * (1 - addrConfidence);
            return Result(coordId, MatchMethod.Coordinates, combined);
        }
        return coordConfidence >= addrConfidence
            ? Result(coordId, MatchMethod.Coordinates, coordConfidence)
            : Result(addrId, MatchMethod.Address, addrConfidence);
    }

    private MatchResult Result(int? id, MatchMethod method, double confidence)
    {
        confidence = Math.Round(Math.Clamp(confidence, 0, 1), 3);
        if (id is null || confidence < options.ReviewFloor) return new MatchResult(null, MatchMethod.None, 0, MatchStatus.Unmatched);
        return new MatchResult(id, method, confidence, confidence >= options.AutoMatchConfidence ? MatchStatus.Auto : MatchStatus.NeedsReview);
    }

    private (int? Id, double Confidence) ByCoordinates(double latitude, double longitude)
    {
        var near = candidates
            .Select(c => (c.Id, Metres: PlaceGeometry.DistanceMetres(latitude, longitude, c.Latitude, c.Longitude)))
            .Where(x => x.Metres <= options.MatchRadiusMetres)
            .OrderBy(x => x.Metres)
            .Take(2)
            .ToList();
        if (near.Count == 0) return (null, 0);
        var confidence = 1 - near[0].Metres / options.MatchRadiusMetres;
        if (near.Count > 1 && near[1].Metres - near[0].Metres < AmbiguousMetres) confidence *= 0.7;
        return (near[0].Id, confidence);
    }

    private (int? Id, double Confidence) ByAddress(string? address, int? townshipId)
    {
        var normalised = AddressText.Normalise(address);
        if (normalised.Length == 0) return (null, 0);
        var scored = _normalised
            .Select(x =>
            {
                var similarity = Math.Max(AddressText.SimilarityOfNormalised(normalised, x.Address), AddressText.SimilarityOfNormalised(normalised, x.Name));
                if (townshipId is { } t && t != x.Candidate.TownshipId) similarity *= 0.6;
                return (x.Candidate.Id, Similarity: similarity);
            })
            .OrderByDescending(x => x.Similarity)
            .Take(2)
            .ToList();
        if (scored.Count == 0 || scored[0].Similarity <= 0) return (null, 0);
        // Address text alone is weaker evidence than a coordinate on the spot.
        var confidence = scored[0].Similarity * 0.9;
        if (scored.Count > 1 && scored[0].Similarity - scored[1].Similarity < AmbiguousSimilarity) confidence *= 0.8;
        return (scored[0].Id, confidence);
    }
}
