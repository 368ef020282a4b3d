using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static EcoEnforce.Reports.Summary.DocxKit;

namespace EcoEnforce.Reports.Summary;

/// <summary>The summary as an editable Word file: the bureau finishes 五、下一步工作 and polishes the wording in Word
/// before it is sent (water campaign by 11-30, nuclear and auto-monitoring by 12-10).</summary>
public static class SummaryDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Write(Stream output, AnnualSummary s)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        main.Document = new Document(body);
        document.PackageProperties.Title = s.Title;
        document.PackageProperties.Language = "zh-CN";

        body.Append(Title(s.Title));
        body.Append(Centered($"（根据{s.PlanTitle}执行情况，由系统按问题台账生成初稿）", 22));

        body.Append(Heading("一、工作开展情况"), Body(s.FiguresSentence));
        AppendTable(body, SummaryTables.Campaigns(s), [30, 16, 16, 14, 14, 14]);
        var f = s.Figures;
        var months = Enumerable.Range(1, 12).Select(m => $"{m}月").ToList();
        body.Append(DocxCharts.Add(main, 1, "各月计划检查与完成检查次数", horizontal: false, months,
            [new("计划检查", SvgCharts.Planned.TrimStart('#'), f.PlannedByMonth), new("完成检查", SvgCharts.Done.TrimStart('#'), f.DoneByMonth)], 2_800_000));
        body.Append(Centered("图1 各月计划检查与完成检查次数", 21));
        AppendTable(body, SummaryTables.Months(s), [25, 25, 25, 25]);

        body.Append(Heading("二、发现的主要问题"), Body(SummaryProse.Problems(s)));
        body.Append(DocxCharts.Add(main, 2, "发现问题按类别分布", horizontal: true, [.. f.ByCategory.Select(c => c.Label)],
            [new("问题数", SvgCharts.Done.TrimStart('#'), [.. f.ByCategory.Select(c => c.Count)])], 2_900_000));
        body.Append(Centered("图2 发现问题按类别分布", 21));
        AppendTable(body, SummaryTables.Categories(s), [40, 30, 30]);
        AppendTable(body, SummaryTables.Sources(s), [40, 30, 30]);

        body.Append(Heading("三、处理措施"), Body(SummaryProse.Measures(s)));
        AppendTable(body, SummaryTables.Measures(s), [60, 40]);

        body.Append(Heading("四、典型案例"));
        if (s.Cases.Count == 0) body.Append(Body("本年度未选定典型案例。"));
        for (var i = 0; i < s.Cases.Count; i++)
        {
            var c = s.Cases[i];
            body.Append(SubHeading($"（{SummaryProse.ChineseNumber(i + 1)}）{c.EnterpriseName}{c.Category}问题"));
            foreach (var line in c.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) body.Append(Body(line));
            body.Append(Body(SummaryProse.CaseOutcome(c)));
        }

        body.Append(Heading("五、下一步工作"));
        // Red and bracketed so nobody sends the file without writing this part.
        body.Append(new Paragraph(
            new ParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "480" }),
            Run(SummaryText.NextStepsPlaceholder, color: "C00000")));

        if (SummaryTables.Nuclear(s) is { } nuclear)
        {
            // The portrait section ends here; the appendix gets a landscape page of its own for its eight columns.
            body.Append(new Paragraph(new ParagraphProperties(Section())));
            body.Append(Heading("附表"));
            AppendTable(body, nuclear, [5, 22, 12, 15, 7, 27, 8, 12], halfPoints: 20, textColumns: [1, 5], width: LandscapeTextWidth);
            body.Append(Section(landscape: true));
        }
        else body.Append(Section());
        main.Document.Save();
    }

    private static void AppendTable(Body body, SummaryTable t, int[] widths, int halfPoints = 21, int[]? textColumns = null, int width = TextWidth)
    {
        body.Append(Centered(t.Caption, 22, bold: true, face: Sans, keepNext: true));
        body.Append(DocxKit.Table(t, widths, halfPoints, textColumns, width));
        // Word joins two tables that touch; an empty paragraph keeps them apart and leaves air below.
        body.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));
    }
}
