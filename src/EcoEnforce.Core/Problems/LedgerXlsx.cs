using System.Globalization;
using EcoEnforce.Common;
using EcoEnforce.Common.Excel;

namespace EcoEnforce.Problems;

/// <summary>The four numbers of section 1 (现场检查计划报备情况) for one row (本月 or 总计).</summary>
public sealed record InspectionCounts(int Planned, int Done, int ProblemsFound, int Rectified);

/// <summary>What the form's header and footer lines carry.</summary>
public sealed record LedgerForm(
    string CampaignShortName,
    int Year,
    int Month,
    string? ReportingUnit,
    InspectionCounts ThisMonth,
    InspectionCounts Total,
    string? FiledBy = null,
    DateOnly? FiledOn = null,
    string? Phone = null);

/// <summary>附表2 (涪陵区2022年…专项执法现场检查工作情况报表) laid out as the paper form: 15 columns A–O, section 1
/// spread across them with merged cells, section 2 one column per form column.</summary>
public static class LedgerXlsx
{
    public static readonly IReadOnlyList<string> DetailColumns =
    [
        "序号", "问题类别*", "问题描述", "企业(点位)名称", "问题来源*", "是否批评教育", "是否约谈并收承诺书", "是否书面责令改正",
        "是否行政处罚", "罚款金额(万元)", "是否移送拘留", "是否移送刑事案件", "是否依法申请关停", "整改时限", "是否完成整改",
    ];

    public static readonly IReadOnlyList<string> Notes =
    [
        "1．“现场检查发现问题明细表”：填写本年度发现问题的累计情况，已完成整改的应及时注明。",
        "2．“问题类别”：选填“水”“大气”“固危废”“排污许可”“建设项目”“自然保护地”“自动监控”，填“其他”的请说明具体情况。",
        "3．“问题来源”：选填“上级转办”“部门移交”“大数据平台推动”“投诉举报”“日常排查”，填“其他”的请说明具体情况。",
        "4．报送方式：请于每月25日前报送。报送邮箱：15571283@qq.com。",
    ];

    private static readonly double[] Widths = [6, 10, 32, 24, 12, 8, 10, 9, 8, 10, 8, 9, 9, 12, 8];

    public static string Title(LedgerForm form) =>
        $"涪陵区{form.Year}年{form.CampaignShortName}专项执法现场检查工作情况报表";

    public static void Write(Stream output, LedgerForm form, IReadOnlyList<LedgerRow> rows)
    {
        var sheet = new XlsxSheet("附表2") { Landscape = true, FitToWidth = true };
        sheet.ColumnWidths.AddRange(Widths);
        Line(sheet, "A:O", new XlsxCell(Title(form), CellStyle.Title));
        var r = sheet.Rows.Count + 1;
        sheet.Row(Cells(15, (0, new XlsxCell($"填报单位：{form.ReportingUnit}", CellStyle.Note)),
            (8, new XlsxCell($"报表时段：{form.Year}年{form.Month}月", CellStyle.Note))));
        sheet.Merges.AddRange([$"A{r}:H{r}", $"I{r}:O{r}"]);
        Line(sheet, "A:O", new XlsxCell("1.现场检查计划报备情况*。", CellStyle.Note));
        Counts(sheet, form);
        Line(sheet, "A:O", new XlsxCell("2.现场检查发现问题明细表（全年累计填报）*。", CellStyle.Note));
        sheet.Row([.. DetailColumns.Select(c => new XlsxCell(c, CellStyle.Header))]);
        for (var i = 0; i < rows.Count; i++) sheet.Row([.. Detail(i + 1, rows[i])]);
        if (rows.Count == 0) sheet.Row([.. Enumerable.Range(0, 15).Select(_ => new XlsxCell(null))]);
        Footer(sheet, form);
        Line(sheet, "A:O", new XlsxCell("填表说明：", CellStyle.Note));
        foreach (var note in Notes) Line(sheet, "A:O", new XlsxCell(note, CellStyle.Note));
        XlsxWriter.Write(output, sheet);
    }

    /// <summary>Section 1: a label column (A:B), then 计划次数 C, 完成次数 D:E, 发现问题数量 F:J, 完成整改数量 K:O,
    /// so its four columns are about as wide as the paper's.</summary>
    private static void Counts(XlsxSheet sheet, LedgerForm form)
    {
        (int From, int To)[] spans = [(0, 1), (2, 2), (3, 4), (5, 9), (10, 14)];
        var top = sheet.Rows.Count + 1;
        sheet.Row(Spread(spans, [null, "现场检查次数", null, "问题情况", null], CellStyle.Header));
        sheet.Row(Spread(spans, [null, "计划次数", "完成次数", "发现问题数量", "完成整改数量"], CellStyle.Header));
        sheet.Merges.AddRange([$"A{top}:B{top + 1}", $"C{top}:E{top}", $"F{top}:O{top}"]);
        foreach (var (label, c) in new[] { ("本月", form.ThisMonth), ("总计", form.Total) })
        {
            sheet.Row(Spread(spans, [label, c.Planned, c.Done, c.ProblemsFound, c.Rectified], CellStyle.Body, label));
        }
        for (var row = top + 1; row <= top + 3; row++)
            foreach (var (from, to) in spans.Where(s => s.From != s.To && (row > top + 1 || s.From > 0)))
                sheet.Merges.Add($"{XlsxReader.ColumnName(from)}{row}:{XlsxReader.ColumnName(to)}{row}");
    }

    private static IEnumerable<XlsxCell> Detail(int number, LedgerRow p) =>
    [
        new(number, CellStyle.Number), new(p.CategoryLabel), new(p.Description), new(p.EnterpriseName), new(p.SourceLabel),
        YesNo(p, MeasureKind.CriticismEducation), YesNo(p, MeasureKind.Interview), YesNo(p, MeasureKind.WrittenOrder),
        YesNo(p, MeasureKind.Penalty),
        new(p.Has(MeasureKind.Penalty) ? Normalize(p.TotalFineWan) : null, CellStyle.Number),
        YesNo(p, MeasureKind.Detention), YesNo(p, MeasureKind.CriminalReferral), YesNo(p, MeasureKind.ClosureApplication),
        new(p.RectificationDeadline), new(Labels.YesNo(p.Status == ProblemStatus.Closed)),
    ];

    private static void Footer(XlsxSheet sheet, LedgerForm form)
    {
        var filedOn = form.FiledOn is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : $"{form.Year}年  月  日";
        var r = sheet.Rows.Count + 1;
        sheet.Row(Cells(15, (0, new XlsxCell($"填报人：{form.FiledBy}", CellStyle.Note)),
            (4, new XlsxCell($"填报时间：{filedOn}", CellStyle.Note)), (10, new XlsxCell($"联系电话：{form.Phone}", CellStyle.Note))));
        sheet.Merges.AddRange([$"A{r}:D{r}", $"E{r}:J{r}", $"K{r}:O{r}"]);
    }

    private static XlsxCell YesNo(LedgerRow p, MeasureKind kind) => new(Labels.YesNo(p.Has(kind)), CellStyle.Body);

    /// <summary>0.3000 is written as 0.3: the value is exact either way, trailing zeros are only noise in the cell.</summary>
    private static decimal Normalize(decimal value) =>
        decimal.Parse(value.ToString("0.####", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void Line(XlsxSheet sheet, string columns, XlsxCell cell)
    {
        var r = sheet.Rows.Count + 1;
        sheet.Row(cell);
        var (from, to) = (columns[0], columns[^1]);
        sheet.Merges.Add($"{from}{r}:{to}{r}");
    }

    private static XlsxCell[] Cells(int count, params (int Index, XlsxCell Cell)[] placed)
    {
        var cells = new XlsxCell[count];
        for (var i = 0; i < count; i++) cells[i] = new XlsxCell(null, CellStyle.Default);
        foreach (var (index, cell) in placed) cells[index] = cell;
        return cells;
    }

    /// <summary>One value per span, the covered cells styled alike so merged areas keep their borders.</summary>
    private static XlsxCell[] Spread((int From, int To)[] spans, object?[] values, CellStyle style, string? rowLabel = null)
    {
        var cells = new XlsxCell[15];
        for (var s = 0; s < spans.Length; s++)
            for (var c = spans[s].From; c <= spans[s].To; c++)
            {
                var isLabel = s == 0 && rowLabel is not null;
                var cellStyle = isLabel ? CellStyle.Header : s > 0 && style == CellStyle.Body ? CellStyle.Number : style;
                cells[c] = new XlsxCell(c == spans[s].From ? values[s] : null, cellStyle);
            }
        return cells;
    }
}
