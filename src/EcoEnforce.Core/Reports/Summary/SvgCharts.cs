using System.Globalization;
using System.Net;
using System.Text;

namespace EcoEnforce.Reports.Summary;

/// <summary>Static SVG charts for the HTML and PDF summary: no script, so they print and pass the strict CSP. Only
/// presentation attributes, never style attributes, because the CSP forbids inline styles.</summary>
public static class SvgCharts
{
    public const string Planned = "#9db4d6";
    public const string Done = "#1f4e8c";
    private const string Font = "Noto Sans CJK SC, Noto Serif CJK SC, sans-serif";

    /// <summary>Clustered columns: planned and done inspections for each month.</summary>
    public static string PlannedVsDone(IReadOnlyList<int> planned, IReadOnlyList<int> done)
    {
        const int width = 640, height = 260, left = 40, right = 10, top = 30, bottom = 30;
        var max = NiceMax(Math.Max(planned.DefaultIfEmpty().Max(), done.DefaultIfEmpty().Max()));
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var sb = Open(width, height, "各月计划检查与完成检查次数");
        Axis(sb, left, top, plotW, plotH, max);
        var slot = plotW / 12.0;
        var bar = slot * 0.35;
        for (var m = 0; m < 12; m++)
        {
            var x = left + slot * m + slot * 0.15;
            Bar(sb, x, top + plotH, bar, plotH * planned[m] / max, Planned, planned[m]);
            Bar(sb, x + bar, top + plotH, bar, plotH * done[m] / max, Done, done[m]);
            Text(sb, left + slot * (m + 0.5), height - 10, $"{m + 1}月", "middle");
        }
        Legend(sb, left, 14, ("计划检查", Planned), ("完成检查", Done));
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars: problems found by category.</summary>
    public static string ByCategory(IReadOnlyList<(string Label, int Count)> rows)
    {
        const int left = 110, right = 40, rowH = 26, top = 10;
        const int width = 640;
        var height = top * 2 + rowH * rows.Count;
        var max = NiceMax(rows.Select(r => r.Count).DefaultIfEmpty().Max());
        var plotW = width - left - right;
        var sb = Open(width, height, "发现问题按类别分布");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = top + rowH * i;
            Text(sb, left - 6, y + rowH * 0.65, rows[i].Label, "end");
            var w = plotW * rows[i].Count / max;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{rowH - 8}\" fill=\"{Done}\"/>");
            Text(sb, left + w + 4, y + rowH * 0.65, rows[i].Count.ToString(CultureInfo.InvariantCulture), "start");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{height - top}\" stroke=\"#333\"/>");
        return sb.Append("</svg>").ToString();
    }

    /// <summary>A round axis maximum so gridlines fall on whole numbers.</summary>
    internal static int NiceMax(int value)
    {
        if (value <= 5) return 5;
        var step = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        return (value + step - 1) / step * step;
    }

    private static StringBuilder Open(int width, int height, string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" font-family=\"{Font}\" font-size=\"12\">")
        .Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>");

    private static void Axis(StringBuilder sb, int left, int top, int plotW, int plotH, int max)
    {
        for (var i = 0; i <= 5; i++)
        {
            var y = top + plotH - plotH * i / 5.0;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + plotW}\" y2=\"{y:0.#}\" stroke=\"{(i == 0 ? "#333" : "#ddd")}\"/>");
            Text(sb, left - 4, y + 4, (max * i / 5).ToString(CultureInfo.InvariantCulture), "end");
        }
    }

    private static void Bar(StringBuilder sb, double x, double baseline, double width, double height, string fill, int value)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{baseline - height:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\" fill=\"{fill}\"><title>{value}</title></rect>");
        if (value > 0) Text(sb, x + width / 2, baseline - height - 3, value.ToString(CultureInfo.InvariantCulture), "middle", 10);
    }

    private static void Legend(StringBuilder sb, int x, int y, params (string Label, string Fill)[] items)
    {
        foreach (var (label, fill) in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y - 10}\" width=\"12\" height=\"12\" fill=\"{fill}\"/>");
            Text(sb, x + 16, y, label, "start");
            x += 90;
        }
    }

    private static void Text(StringBuilder sb, double x, double y, string text, string anchor, int size = 12) =>
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"{size}\">{WebUtility.HtmlEncode(text)}</text>");
}
