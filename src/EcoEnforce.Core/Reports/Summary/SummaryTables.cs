using System.Globalization;

namespace EcoEnforce.Reports.Summary;

/// <summary>A table of the summary, as plain text cells; the last row is a totals row when <see cref="HasTotals"/>.</summary>
public sealed record SummaryTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, bool HasTotals = false);

/// <summary>The summary's tables, defined once so the Word file and the HTML/PDF say exactly the same.</summary>
public static class SummaryTables
{
    public static SummaryTable Campaigns(AnnualSummary s)
    {
        var rows = s.Figures.Campaigns.Select(c => Row(c.ShortName, N(c.Done), N(c.Found), N(c.Closed), Rate(c.Closed, c.Found), SummaryText.Wan(c.FinesWan))).ToList();
        var f = s.Figures;
        // The total is the year's, not the column sum: a joint inspection serves several campaigns but is one visit,
        // and problems outside any campaign still count.
        rows.Add(Row("合计", N(f.Done), N(f.Found), N(f.Closed), SummaryText.Percent(f.RectificationRate), SummaryText.Wan(f.FinesWan)));
        return new("表1 各专项执法检查情况", ["专项", "完成检查（次）", "发现问题（个）", "已整改（个）", "整改完成率", "罚款（万元）"], rows, HasTotals: true);
    }

    public static SummaryTable Months(AnnualSummary s)
    {
        var f = s.Figures;
        var rows = Enumerable.Range(0, 12).Select(m => Row($"{m + 1}月", N(f.PlannedByMonth[m]), N(f.DoneByMonth[m]), N(f.FoundByMonth[m]))).ToList();
        rows.Add(Row("合计", N(f.Planned), N(f.Done), N(f.FoundByMonth.Sum())));
        return new("表2 各月检查及发现问题情况", ["月份", "计划检查（次）", "完成检查（次）", "发现问题（个）"], rows, HasTotals: true);
    }

    public static SummaryTable Categories(AnnualSummary s) => Counted("表3 发现问题按类别统计", "问题类别", s.Figures.ByCategory, s.Figures.Found);

    public static SummaryTable Sources(AnnualSummary s) => Counted("表4 发现问题按来源统计", "问题来源", s.Figures.BySource, s.Figures.Found);

    /// <summary>A problem may have several measures, so the column does not add up to the problems found.</summary>
    public static SummaryTable Measures(AnnualSummary s) => new("表5 处理措施统计",
        ["处理措施", "涉及问题（个）"], [.. s.Figures.ByMeasure.Select(m => Row(m.Label, N(m.Count)))]);

    public static SummaryTable? Nuclear(AnnualSummary s)
    {
        if (s.Nuclear is not { } t) return null;
        var rows = t.Rows.Select((r, i) => Row(N(i + 1), r.Enterprise, r.Dates, r.Team, N(r.ProblemsFound), r.Problems, r.Rectification, r.Penalty)).ToList();
        rows.Add(Row("合计", $"应检查{(t.TargetUnits is { } n ? N(n) : "—")}家，已检查{N(t.Inspected)}家", "", "",
            N(t.ProblemsFound), $"已整改{N(t.Rectified)}个", "", $"罚款合计{SummaryText.Wan(t.FinesWan)}万元"));
        return new("重庆市核与辐射执法检查情况汇总表（涪陵区）",
            ["序号", "单位名称", "检查日期", "检查人员", "发现问题数", "问题摘要", "整改情况", "处罚情况"], rows, HasTotals: true);
    }

    private static SummaryTable Counted(string caption, string header, IReadOnlyList<(string Label, int Count)> counts, int total)
    {
        var rows = counts.Select(c => Row(c.Label, N(c.Count), Share(c.Count, total))).ToList();
        rows.Add(Row("合计", N(counts.Sum(c => c.Count)), total == 0 ? "—" : "100%"));
        return new(caption, [header, "问题数（个）", "占比"], rows, HasTotals: true);
    }

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Rate(int closed, int found) => found == 0 ? "—" : SummaryText.Percent(Math.Round(100.0 * closed / found, 1));
    private static string Share(int count, int total) => total == 0 ? "—" : SummaryText.Percent(Math.Round(100.0 * count / total, 1));
}
