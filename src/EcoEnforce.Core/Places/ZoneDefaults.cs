namespace EcoEnforce.Places;

/// <summary>The distances the 2022 plan names: 3 km round air stations, 300 m round exam venues during exams, 1 km
/// along the Yangtze (and Wujiang) for chemical enterprises. Drinking-water protection areas count only what lies inside.
/// The draw rules (issue 4) make these configurable per campaign; these are their defaults.</summary>
public static class ZoneDefaults
{
    public static double Metres(PlaceKind kind) => kind switch
    {
        PlaceKind.AirStation => 3000,
        PlaceKind.ExamVenue => 300,
        PlaceKind.River => 1000,
        _ => 0,
    };

    /// <summary>Rivers concern chemical enterprises only (沿江一公里范围内化工企业).</summary>
    public static bool ChemicalOnly(PlaceKind kind) => kind == PlaceKind.River;
}
