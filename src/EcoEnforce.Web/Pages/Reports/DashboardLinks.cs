using EcoEnforce.Common;
using EcoEnforce.Reports;
using EcoEnforce.Web.Api;

namespace EcoEnforce.Web.Pages.Reports;

/// <summary>Drill-down: the problem ledger's address for a dashboard number, carrying the dashboard's filter (year, campaign,
/// unit, month) plus the number's own (category, source, measure, status, overdue), so the list adds up to the number.</summary>
public sealed class DashboardLinks(Figures.Filter filter)
{
    public string Ledger(string? extra = null, int? month = null)
    {
        var query = new List<string> { $"Year={filter.Year}" };
        if (filter.CampaignId is { } c) query.Add($"CampaignId={c}");
        if (filter.UnitId is { } u and > 0) query.Add($"UnitId={u}");
        if ((month ?? filter.Month) is { } m) query.Add($"Month={filter.Year:D4}-{m:D2}");
        if (extra is not null) query.Add(extra);
        return "/Ledger?" + string.Join("&", query);
    }

    public string Category(string label) => Ledger(Key(Labels.ProblemCategories, label) is { } k ? $"Category={k}" : null);
    public string Source(string label) => Ledger(Key(Labels.TaskSources, label) is { } k ? $"Source={k}" : null);
    public string Measure(string label) => Ledger(Key(Labels.MeasureKinds, label) is { } k ? $"Measure={k}" : null);
    public string Campaign(int campaignId, string? extra = null) =>
        new DashboardLinks(filter with { CampaignId = campaignId }).Ledger(extra);

    /// <summary>The same links in chart order, for the script to follow when a bar is clicked.</summary>
    public object ForCharts(FiguresDto f) => new
    {
        foundByMonth = Enumerable.Range(1, 12).Select(m => Ledger(month: m)),
        byCategory = f.ByCategory.Select(p => Category(p.Label)),
        bySource = f.BySource.Select(p => Source(p.Label)),
        byMeasure = f.ByMeasure.Select(p => Measure(p.Label)),
        campaigns = f.Campaigns.Select(c => Campaign(c.CampaignId)),
    };

    private static string? Key<T>(IReadOnlyDictionary<T, string> labels, string label) where T : struct, Enum =>
        labels.Where(l => l.Value == label).Select(l => l.Key.ToString()).FirstOrDefault();
}

/// <summary>The model of one counted-list card (_DashboardCounts).</summary>
public sealed record DashboardCounts(string Title, string CanvasId, string Description, IReadOnlyList<LabelCount> Rows, Func<string, string> Link,
    bool Wide = false);
