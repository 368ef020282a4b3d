namespace EcoEnforce.Web.Infrastructure;

/// <summary>Parts of the product that are planned but not built yet. Their pages say so plainly.</summary>
public static class Modules
{
    public sealed record Module(string Slug, string Title, string Purpose, int Issue);

    public static readonly IReadOnlyList<Module> All =
    [
        new("Complaints", "投诉与地图", "12345投诉热点、考点300米、空气站3公里、沿江1公里等区域地图。", 9),
    ];
}
