using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace EcoEnforce.Reports.Summary;

/// <summary>Paragraphs, runs, tables and styles for the summary's Word file. Fonts go on every run, not only on the
/// styles: LibreOffice ignored an East Asian font given in docDefaults alone (docs/STACK).</summary>
internal static class DocxKit
{
    public const string Serif = "Noto Serif CJK SC";
    public const string Sans = "Noto Sans CJK SC";
    /// <summary>A4 portrait with the margins of GB/T 9704 official documents: 37 mm top, 35 bottom, 28 left, 26 right.</summary>
    public const int PageWidth = 11906, PageHeight = 16838, MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1587, MarginRight = 1474;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;
    /// <summary>The wide appendix table prints on a landscape page.</summary>
    public const int LandscapeTextWidth = PageHeight - MarginLeft - MarginRight;

    public static RunFonts Fonts(string face) => new() { Ascii = face, HighAnsi = face, EastAsia = face, ComplexScript = face };

    public static Run Run(string text, string face = Serif, int halfPoints = 24, bool bold = false, string? color = null)
    {
        var props = new RunProperties(Fonts(face));
        if (bold) props.Append(new Bold());
        if (color is not null) props.Append(new Color { Val = color });
        props.Append(new FontSize { Val = $"{halfPoints}" }, new FontSizeComplexScript { Val = $"{halfPoints}" }, new Languages { EastAsia = "zh-CN" });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A body paragraph: first line indented two characters, 1.5 lines, as Chinese reports are set.</summary>
    public static Paragraph Body(string text) => new(
        new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLineChars = 200, FirstLine = "480" }, new Justification { Val = JustificationValues.Both }),
        Run(text));

    public static Paragraph Title(string text) => new(
        new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "240" }, new Justification { Val = JustificationValues.Center }),
        Run(text, Sans, 40, bold: true));

    public static Paragraph Centered(string text, int halfPoints = 22, bool bold = false, string face = Serif, bool keepNext = false, bool pageBreakBefore = false)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        if (pageBreakBefore) props.Append(new PageBreakBefore());
        props.Append(new SpacingBetweenLines { Before = "60", After = "60" }, new Justification { Val = JustificationValues.Center });
        return new Paragraph(props, Run(text, face, halfPoints, bold));
    }

    /// <summary>一、二、… headings in a sans face (the 黑体 of printed reports), kept with what follows.</summary>
    public static Paragraph Heading(string text, int halfPoints = 30, bool pageBreakBefore = false)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }, new KeepNext());
        if (pageBreakBefore) props.Append(new PageBreakBefore());
        props.Append(new SpacingBetweenLines { Before = "240", After = "120" });
        return new Paragraph(props, Run(text, Sans, halfPoints, bold: true));
    }

    public static Paragraph SubHeading(string text) => new(
        new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }, new Indentation { FirstLineChars = 200, FirstLine = "480" }),
        Run(text, Serif, 24, bold: true));

    /// <summary>A bordered table, header row repeated on each page, the totals row bold.</summary>
    public static Table Table(SummaryTable t, int[] widths, int halfPoints = 21, int[]? textColumns = null, int width = TextWidth)
    {
        var scale = (double)width / widths.Sum();
        var twips = widths.Select(w => (int)(w * scale)).ToArray();
        var table = new Table(new TableProperties(
            new TableWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(twips.Select(w => new GridColumn { Width = $"{w}" })));
        table.Append(Row(t.Headers, twips, halfPoints, header: true, bold: true, textColumns: null));
        for (var r = 0; r < t.Rows.Count; r++)
            table.Append(Row(t.Rows[r], twips, halfPoints, header: false, bold: t.HasTotals && r == t.Rows.Count - 1, textColumns));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] twips, int halfPoints, bool header, bool bold, int[]? textColumns)
    {
        var row = new TableRow();
        row.Append(header ? new TableRowProperties(new CantSplit(), new TableHeader()) : new TableRowProperties(new CantSplit()));
        for (var c = 0; c < cells.Count; c++)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = $"{twips[c]}", Type = TableWidthUnitValues.Dxa });
            if (header) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EEF1F6" });
            props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            var align = textColumns?.Contains(c) == true ? JustificationValues.Left : JustificationValues.Center;
            row.Append(new TableCell(props, new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "280", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = align }),
                Run(cells[c], header ? Sans : Serif, halfPoints, bold))));
        }
        return row;
    }

    public static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(Serif), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" },
                    new Languages { Val = "zh-CN", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(Fonts(Serif), new FontSize { Val = "24" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            // A real heading style puts the sections into Word's navigation pane and table of contents.
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
                new StyleRunProperties(Fonts(Sans), new Bold(), new FontSize { Val = "30" }))
            { Type = StyleValues.Paragraph, StyleId = "Heading1" });
    }

    public static SectionProperties Section(bool landscape = false) => new(
        landscape
            ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = 992, Gutter = 0 });
}
