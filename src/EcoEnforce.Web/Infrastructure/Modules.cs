namespace EcoEnforce.Web.Infrastructure;

/// <summary>Parts of the product that are planned but not built yet. Their pages say so plainly.</summary>
public static class Modules
{
    public sealed record Module(string Slug, string Title, string Purpose, int Issue);

    /// <summary>Empty: every planned module is built (投诉举报 at /Complaints, the map at /Map). A new placeholder goes here.</summary>
    public static readonly IReadOnlyList<Module> All = [];
}
