using EcoEnforce.Common;
using EcoEnforce.Common.Excel;

namespace EcoEnforce.Draws;

/// <summary>The draw record (抽查记录表) as .xlsx: what was drawn from, under which rules, with which commitment and
/// seed, and the result with its teams; a second sheet lists the exclusions with reasons.</summary>
public static class DrawRecordXlsx
{
    public static void Write(DrawReport report, Stream output)
    {
        var d = report.Draw;
        static XlsxCell H(string text) => new(text, CellStyle.Header);
        static XlsxCell B(object? value) => new(value);
        var sheet = new XlsxSheet("抽查记录") { Landscape = true };
        sheet.ColumnWidths.AddRange([8, 24, 36, 16, 44, 20]);
        sheet.Row(new XlsxCell($"{d.Title}记录表", CellStyle.Title));
        sheet.Merges.Add("A1:F1");
        void Field(string name, string value) => sheet.Row(H(name), B(value), B(null), B(null), B(null), B(null));
        Field("专项", report.CampaignTitle);
        Field("抽查期间", $"{d.PeriodLabel}（检查时段 {d.WindowStart:yyyy-MM-dd} 至 {d.WindowEnd:yyyy-MM-dd}）");
        Field("抽查对象库", $"{d.PoolSize} 家（另有 {report.Exclusions.Count} 家按规则未纳入，见“未纳入名单”）；执法人员库 {d.InspectorPoolSize} 人");
        Field("抽取比例", string.Join("；", report.Counts.Select(c => $"{DrawReport.ClassLabel(c.Stratum)} {c.Requested}/{c.PoolSize} 家")));
        Field("种子承诺（SHA-256）", $"{d.SeedSha256}（{ChinaTime.Format(d.CommittedAtUtc)} 由 {d.CommittedBy} 生成）");
        Field("名单与规则摘要（SHA-256）", $"对象库 {d.PoolSha256}；执法人员库 {d.InspectorsSha256}；规则 {d.RulesSha256}");
        Field("种子", d.Status == DrawStatus.Executed ? d.Seed : "尚未揭示");
        Field("抽取时间", d.ExecutedAtUtc is { } at ? $"{ChinaTime.Format(at)}（{d.ExecutedBy}）" : "尚未抽取");
        Field("算法", $"{DrawAlgorithm.Id}，可用 ecoenforce draws verify 对导出文件复核");
        if (d.ReplacesDrawId is { } old) Field("重新抽取", $"替代第 {old} 号抽查，理由：{d.Reason}");
        for (var r = 2; r <= sheet.Rows.Count; r++) sheet.Merges.Add($"B{r}:F{r}");
        sheet.Row(H("序号"), H("统一社会信用代码"), H("检查对象"), H("监管类别"), H("执法人员"), H("联合检查"));
        foreach (var row in report.Rows)
            sheet.Row(B(row.Order), B(row.CreditCode), B(row.Name), B(row.ClassLabel), B(string.Join("、", row.Team)),
                B(row.JointWith.Count == 0 ? "" : "与" + string.Join("、", row.JointWith) + "合并检查"));

        var excluded = new XlsxSheet("未纳入名单") { FrozenRows = 1 };
        excluded.ColumnWidths.AddRange([24, 36, 16, 60]);
        excluded.Row(H("统一社会信用代码"), H("检查对象"), H("监管类别"), H("原因"));
        foreach (var e in report.Exclusions) excluded.Row(B(e.Key), B(e.Name), B(DrawReport.ClassLabel(e.Stratum)), B(e.Reason));
        XlsxWriter.Write(output, sheet, excluded);
    }
}
