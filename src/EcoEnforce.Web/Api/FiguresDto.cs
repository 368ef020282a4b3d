using EcoEnforce.Reports;

namespace EcoEnforce.Web.Api;

/// <summary>A label and its count as a JSON object ({label, count}), which chart code and other clients read more easily
/// than a tuple's Item1/Item2.</summary>
public sealed record LabelCount(string Label, int Count);

/// <summary>Whose figures these are. <see cref="Restricted"/> is true when the unit was imposed (a liaison officer sees only
/// his own unit's figures, whatever he asked for); <see cref="Note"/> says so in words.</summary>
public sealed record ScopeDto(bool Restricted, int? UnitId, string? Unit, string Note);

/// <summary><see cref="YearFigures"/> as the API and the dashboard page both send it.</summary>
public sealed record FiguresDto(
    int Year, int? CampaignId, int? UnitId, int? Month, ScopeDto Scope,
    int Planned, int Done, int Found, int Closed, int AwaitingVerification, int Overdue, decimal FinesWan, double? RectificationRate,
    IReadOnlyList<int> PlannedByMonth, IReadOnlyList<int> DoneByMonth, IReadOnlyList<int> FoundByMonth,
    IReadOnlyList<LabelCount> ByCategory, IReadOnlyList<LabelCount> BySource, IReadOnlyList<LabelCount> ByMeasure,
    IReadOnlyList<CampaignFigures> Campaigns)
{
    public static FiguresDto From(YearFigures f, Figures.Filter filter, ScopeDto scope) => new(
        f.Year, filter.CampaignId, filter.UnitId, filter.Month, scope,
        f.Planned, f.Done, f.Found, f.Closed, f.AwaitingVerification, f.Overdue, f.FinesWan, f.RectificationRate,
        f.PlannedByMonth, f.DoneByMonth, f.FoundByMonth,
        Pairs(f.ByCategory), Pairs(f.BySource), Pairs(f.ByMeasure), f.Campaigns);

    private static List<LabelCount> Pairs(IReadOnlyList<(string Label, int Count)> pairs) => [.. pairs.Select(p => new LabelCount(p.Label, p.Count))];
}
