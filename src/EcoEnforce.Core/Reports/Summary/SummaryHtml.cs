using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace EcoEnforce.Reports.Summary;

/// <summary>The summary as HTML: the body the web page shows, and a standalone A4 document Chromium prints to PDF.
/// Every selector is scoped to <c>.summary-doc</c> so the same stylesheet can sit inside the app's layout.</summary>
public static class SummaryHtml
{
    public const string Css = """
        .summary-doc { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; line-height: 1.7; color: #000; max-width: 170mm; }
        .summary-doc h1 { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 4pt; }
        .summary-doc .subtitle { text-align: center; margin: 0 0 14pt; font-size: 11pt; }
        .summary-doc h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 14pt 0 6pt; }
        .summary-doc h3 { font-size: 12pt; margin: 10pt 0 4pt; }
        .summary-doc p { text-indent: 2em; margin: 0 0 6pt; text-align: justify; }
        .summary-doc table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 10.5pt; line-height: 1.4; page-break-inside: auto; }
        .summary-doc caption { font-family: "Noto Sans CJK SC", sans-serif; font-weight: bold; padding-bottom: 4pt; }
        .summary-doc th, .summary-doc td { border: 1px solid #000; padding: 3pt 5pt; text-align: center; vertical-align: middle; }
        .summary-doc th { background: #eef1f6; }
        .summary-doc tr { page-break-inside: avoid; }
        .summary-doc tr.totals td { font-weight: bold; }
        .summary-doc td.text { text-align: left; }
        .summary-doc table.wide th:nth-child(1), .summary-doc table.wide td:nth-child(1), .summary-doc table.wide td:nth-child(3) { white-space: nowrap; }
        .summary-doc figure { margin: 6pt 0 10pt; page-break-inside: avoid; }
        .summary-doc figcaption { text-align: center; font-size: 10.5pt; }
        .summary-doc h2, .summary-doc h3, .summary-doc caption { page-break-after: avoid; }
        .summary-doc .placeholder { color: #b00; border: 1px dashed #b00; padding: 6pt; text-indent: 0; page-break-inside: avoid; }
        .summary-doc .appendix { page-break-before: always; page: wide; }
        """;

    private const string PrintCss = """
        @page { size: A4; margin: 25mm 22mm 22mm 22mm; }
        @page wide { size: A4 landscape; margin: 22mm 22mm 22mm 22mm; }
        html, body { margin: 0; padding: 0; background: #fff; font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; }
        .summary-doc { max-width: none; }
        """;

    /// <summary>A complete page for printing: A4, explicit CJK fonts and lang so Chromium picks Simplified glyphs.</summary>
    public static string Document(AnnualSummary s) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{HtmlEncode(s.Title)}</title>
        <style>{Css}{PrintCss}</style></head>
        <body>{Body(s)}</body></html>
        """;

    public static string Body(AnnualSummary s)
    {
        var h = new StringBuilder("<article class=\"summary-doc\" lang=\"zh-CN\">");
        h.Append($"<h1>{HtmlEncode(s.Title)}</h1><p class=\"subtitle\">（根据{HtmlEncode(s.PlanTitle)}执行情况，由系统按问题台账生成初稿）</p>");

        h.Append("<h2>一、工作开展情况</h2>").Append(P(s.FiguresSentence));
        Table(h, SummaryTables.Campaigns(s));
        h.Append("<figure>").Append(SvgCharts.PlannedVsDone(s.Figures.PlannedByMonth, s.Figures.DoneByMonth)).Append("<figcaption>图1 各月计划检查与完成检查次数</figcaption></figure>");
        Table(h, SummaryTables.Months(s));

        h.Append("<h2>二、发现的主要问题</h2>").Append(P(SummaryProse.Problems(s)));
        h.Append("<figure>").Append(SvgCharts.ByCategory(s.Figures.ByCategory)).Append("<figcaption>图2 发现问题按类别分布</figcaption></figure>");
        Table(h, SummaryTables.Categories(s));
        Table(h, SummaryTables.Sources(s));

        h.Append("<h2>三、处理措施</h2>").Append(P(SummaryProse.Measures(s)));
        Table(h, SummaryTables.Measures(s));

        h.Append("<h2>四、典型案例</h2>");
        if (s.Cases.Count == 0) h.Append(P("本年度未选定典型案例。"));
        foreach (var (c, i) in s.Cases.Select((c, i) => (c, i)))
        {
            h.Append($"<h3>（{SummaryProse.ChineseNumber(i + 1)}）{HtmlEncode(c.EnterpriseName)}{HtmlEncode(c.Category)}问题</h3>");
            foreach (var line in c.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) h.Append(P(line));
            h.Append(P(SummaryProse.CaseOutcome(c)));
        }

        h.Append("<h2>五、下一步工作</h2>").Append($"<p class=\"placeholder\">{HtmlEncode(SummaryText.NextStepsPlaceholder)}</p>");

        if (SummaryTables.Nuclear(s) is { } nuclear)
        {
            h.Append("<section class=\"appendix\"><h2>附表</h2>");
            Table(h, nuclear, textColumns: [1, 5], wide: true);
            h.Append("</section>");
        }
        return h.Append("</article>").ToString();
    }

    private static string P(string text) => $"<p>{HtmlEncode(text)}</p>";

    private static void Table(StringBuilder h, SummaryTable t, int[]? textColumns = null, bool wide = false)
    {
        h.Append($"<table{(wide ? " class=\"wide\"" : "")}><caption>{HtmlEncode(t.Caption)}</caption><thead><tr>");
        foreach (var header in t.Headers) h.Append($"<th>{HtmlEncode(header)}</th>");
        h.Append("</tr></thead><tbody>");
        for (var r = 0; r < t.Rows.Count; r++)
        {
            h.Append(t.HasTotals && r == t.Rows.Count - 1 ? "<tr class=\"totals\">" : "<tr>");
            for (var c = 0; c < t.Rows[r].Count; c++)
                h.Append(textColumns?.Contains(c) == true ? "<td class=\"text\">" : "<td>").Append(HtmlEncode(t.Rows[r][c])).Append("</td>");
            h.Append("</tr>");
        }
        h.Append("</tbody></table>");
    }
}

/// <summary>The sentences around the tables, shared by Word and HTML.</summary>
public static class SummaryProse
{
    public static string Problems(AnnualSummary s)
    {
        var f = s.Figures;
        if (f.Found == 0) return "本年度执法检查中未发现问题。";
        var top = f.ByCategory.Where(c => c.Count > 0).OrderByDescending(c => c.Count).Take(3).Select(c => $"{c.Label}问题{c.Count}个").ToList();
        var sources = f.BySource.Where(c => c.Count > 0).OrderByDescending(c => c.Count).Take(3).Select(c => $"{c.Label}{c.Count}个").ToList();
        return $"全年共发现问题{f.Found}个，其中{string.Join("、", top)}；从问题来源看，{string.Join("、", sources)}。"
            + $"截至目前已整改{f.Closed}个，待核查{f.AwaitingVerification}个，逾期未整改{f.Overdue}个。";
    }

    public static string Measures(AnnualSummary s)
    {
        var used = s.Figures.ByMeasure.Where(m => m.Count > 0).Select(m => $"{m.Label}{m.Count}个").ToList();
        return used.Count == 0
            ? "本年度发现的问题尚未采取处理措施。"
            : $"针对发现的问题，依法采取{string.Join("、", used)}（按问题计，一个问题可采取多项措施），罚款合计{SummaryText.Wan(s.Figures.FinesWan)}万元。";
    }

    public static string CaseOutcome(CaseItem c)
    {
        var measures = c.Measures.Count == 0 ? "尚未采取处理措施" : string.Join("、", c.Measures);
        var fine = c.FineWan > 0 ? $"，罚款{SummaryText.Wan(c.FineWan)}万元" : "";
        return $"发现日期：{c.FoundOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}；处理措施：{measures}{fine}；整改情况：{c.Rectification}。";
    }

    public static string ChineseNumber(int n)
    {
        string[] digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n - 10],
            < 100 => digits[n / 10] + "十" + digits[n % 10],
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }
}
