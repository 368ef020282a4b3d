using System.Text.Encodings.Web;
using System.Text.Unicode;
using EcoEnforce.Reports;

namespace EcoEnforce.Web.Pages.Reports;

public static class ReportLabels
{
    public static readonly IReadOnlyDictionary<MonthlyReportStatus, string> Statuses = new Dictionary<MonthlyReportStatus, string>
    {
        [MonthlyReportStatus.Draft] = "草稿",
        [MonthlyReportStatus.Submitted] = "已报送，待审核",
        [MonthlyReportStatus.Approved] = "已审核通过",
        [MonthlyReportStatus.Returned] = "已退回",
        [MonthlyReportStatus.Superseded] = "已更正（被新版本取代）",
    };

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All); // Chinese stays readable in the source

    /// <summary>The status as a coloured badge; "未报送" (red once the deadline has passed) when there is no report yet.</summary>
    public static string StatusBadge(MonthlyReport? report, bool overdue)
    {
        if (report is null) return overdue ? "<span class=\"badge over\">逾期未报送</span>" : "<span class=\"badge draft\">未填报</span>";
        var css = report.Status switch
        {
            MonthlyReportStatus.Approved => "ok",
            MonthlyReportStatus.Returned => "over",
            MonthlyReportStatus.Draft => overdue ? "over" : "draft",
            _ => "",
        };
        var text = Statuses[report.Status] + (report.Revision > 1 ? $"（第{report.Revision}版）" : "");
        return $"<span class=\"badge {css}\">{Encoder.Encode(text)}</span>";
    }
}
