namespace EcoEnforce.Web.Infrastructure;

/// <summary>Parts of the product that are planned but not built yet. Their pages say so plainly.</summary>
public static class Modules
{
    public sealed record Module(string Slug, string Title, string Purpose, int Issue);

    /// <summary>Empty while every planned module has been built (投诉举报 became /Complaints); the map is next.</summary>
    public static readonly IReadOnlyList<Module> All = [];
}
