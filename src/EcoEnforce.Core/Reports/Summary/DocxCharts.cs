using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using EcoEnforce.Common.Excel;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace EcoEnforce.Reports.Summary;

/// <summary>Native DrawingML charts, so the bureau can restyle or re-colour them in Word or WPS instead of getting a
/// picture. Each chart carries its values twice: cached in the chart (what Word and LibreOffice draw) and in an
/// embedded workbook (what Word opens for 编辑数据).</summary>
internal static class DocxCharts
{
    public sealed record Series(string Name, string Colour, IReadOnlyList<int> Values);

    private const long Width = 5_580_000; // 15.5 cm in EMU
    // Axis ids only need to be unique within one chart.
    private const uint CatAxis = 48650112, ValAxis = 48672768;

    /// <summary>Adds the chart part and returns the paragraph that shows it inline.</summary>
    public static W.Paragraph Add(MainDocumentPart main, uint drawingId, string title, bool horizontal, IReadOnlyList<string> categories,
        IReadOnlyList<Series> series, long height)
    {
        var part = main.AddNewPart<ChartPart>();
        var workbook = part.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
        using (var stream = new MemoryStream())
        {
            var sheet = new XlsxSheet("Sheet1");
            sheet.Row([new XlsxCell(""), .. series.Select(s => new XlsxCell(s.Name))]);
            for (var i = 0; i < categories.Count; i++) sheet.Row([new XlsxCell(categories[i]), .. series.Select(s => new XlsxCell(s.Values[i]))]);
            XlsxWriter.Write(stream, sheet);
            stream.Position = 0;
            workbook.FeedData(stream);
        }
        part.ChartSpace = ChartSpace(title, horizontal, categories, series, part.GetIdOfPart(workbook));
        return Inline(main.GetIdOfPart(part), drawingId, title, height);
    }

    private static C.ChartSpace ChartSpace(string title, bool horizontal, IReadOnlyList<string> categories, IReadOnlyList<Series> series, string workbookId)
    {
        const uint catAxis = CatAxis, valAxis = ValAxis;
        var last = categories.Count + 1;
        var bar = new C.BarChart(
            new C.BarDirection { Val = horizontal ? C.BarDirectionValues.Bar : C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        for (var s = 0; s < series.Count; s++)
        {
            var column = (char)('B' + s);
            bar.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)s }, new C.Order { Val = (uint)s },
                new C.SeriesText(new C.StringReference(new C.Formula($"Sheet1!${column}$1"), StringCache([series[s].Name]))),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series[s].Colour })),
                new C.InvertIfNegative { Val = false },
                // Zero months would crowd the axis with "0 0"; the empty third format section hides them.
                new C.DataLabels(new C.NumberingFormat { FormatCode = "0;-0;;@", SourceLinked = false }, new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                    new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula($"Sheet1!$A$2:$A${last}"), StringCache(categories))),
                new C.Values(new C.NumberReference(new C.Formula($"Sheet1!${column}$2:${column}${last}"), NumberCache(series[s].Values)))));
        }
        bar.Append(new C.GapWidth { Val = 80 }, new C.AxisId { Val = catAxis }, new C.AxisId { Val = valAxis });

        var chart = new C.Chart(
            new C.Title(new C.ChartText(Rich(title, 1200, bold: true)), new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            new C.PlotArea(new C.Layout(), bar,
                // Horizontal bars list categories top-down in the table's order: reverse the axis, keep values at the bottom.
                new C.CategoryAxis(new C.AxisId { Val = catAxis },
                    new C.Scaling(new C.Orientation { Val = horizontal ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
                    new C.Delete { Val = false }, new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom },
                    new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = valAxis },
                    new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
                    new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }, new C.NoMultiLevelLabels { Val = false }),
                new C.ValueAxis(new C.AxisId { Val = valAxis }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MinAxisValue { Val = 0 }),
                    new C.Delete { Val = false }, new C.AxisPosition { Val = horizontal ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left },
                    new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })))),
                    new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
                    new C.MajorTickMark { Val = C.TickMarkValues.Outside }, new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = catAxis },
                    new C.Crosses { Val = horizontal ? C.CrossesValues.Maximum : C.CrossesValues.AutoZero },
                    new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        if (series.Count > 1) chart.InsertAfter(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }), chart.PlotArea);

        return new C.ChartSpace(
            new C.Date1904 { Val = false }, new C.EditingLanguage { Val = "zh-CN" }, new C.RoundedCorners { Val = false },
            chart,
            // The chart-wide text style: CJK face for axis labels and legend.
            new C.TextProperties(new A.BodyProperties(), new A.ListStyle(), Paragraph(900, bold: false)),
            new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = workbookId });
    }

    private static A.Paragraph Paragraph(int size, bool bold, string? text = null)
    {
        var p = new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties(Faces()) { FontSize = size, Bold = bold }));
        if (text is not null)
            p.Append(new A.Run(new A.RunProperties(Faces()) { Language = "zh-CN", FontSize = size, Bold = bold }, new A.Text(text)));
        return p;
    }

    private static OpenXmlElement[] Faces() =>
        [new A.LatinFont { Typeface = DocxKit.Sans }, new A.EastAsianFont { Typeface = DocxKit.Sans }];

    private static C.RichText Rich(string text, int size, bool bold) => new(new A.BodyProperties(), new A.ListStyle(), Paragraph(size, bold, text));

    private static C.StringCache StringCache(IReadOnlyList<string> values)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++) cache.Append(new C.StringPoint(new C.NumericValue(values[i])) { Index = (uint)i });
        return cache;
    }

    private static C.NumberingCache NumberCache(IReadOnlyList<int> values)
    {
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
            cache.Append(new C.NumericPoint(new C.NumericValue(values[i].ToString(System.Globalization.CultureInfo.InvariantCulture))) { Index = (uint)i });
        return cache;
    }

    private static W.Paragraph Inline(string chartId, uint drawingId, string title, long height) => new(
        new W.ParagraphProperties(new W.KeepNext(), new W.SpacingBetweenLines { Before = "120", After = "0" }, new W.Justification { Val = W.JustificationValues.Center }),
        new W.Run(new W.Drawing(new DW.Inline(
            new DW.Extent { Cx = Width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = drawingId, Name = $"图表 {drawingId}", Description = title },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 })));
}
