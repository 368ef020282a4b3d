using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using EcoEnforce.Common;
using EcoEnforce.Common.Pdf;
using EcoEnforce.Reports.Summary;

namespace EcoEnforce.Core.Tests.Reports.Summary;

public sealed class SummaryDocxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecoenforce-summary-test-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AnnualSummary> SummaryWithCaseAsync(SummaryLedger ledger)
    {
        var chosen = await ledger.Db.Run<TypicalCases.Handler, Result<int>>(h =>
            h.ChooseAsync(new(2022, ledger.WaterProblemId, "甲公司污水处理设施停运，废水超标排放，我局依法立案查处。"), Ct));
        Assert.True(chosen.Succeeded);
        return await ledger.SummaryAsync();
    }

    [Fact]
    public async Task Summary_docx_passes_the_OpenXml_validator_with_two_native_charts_and_CJK_fonts_on_every_run()
    {
        using var ledger = await SummaryLedger.CreateAsync();
        using var stream = new MemoryStream();
        SummaryDocx.Write(stream, await SummaryWithCaseAsync(ledger));

        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(2, document.MainDocumentPart!.ChartParts.Count());
        var body = document.MainDocumentPart.Document.Body!;
        Assert.All(body.Descendants<Run>().Where(r => r.GetFirstChild<Text>() is not null),
            r => Assert.StartsWith("Noto ", r.RunProperties?.RunFonts?.EastAsia?.Value, StringComparison.Ordinal));
        var text = body.InnerText;
        foreach (var heading in (string[])["一、工作开展情况", "二、发现的主要问题", "三、处理措施", "四、典型案例", "五、下一步工作", "【待填写】", "重庆市核与辐射执法检查情况汇总表（涪陵区）", "甲公司污水处理设施停运"])
            Assert.Contains(heading, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_docx_converts_to_pdf_with_LibreOffice_showing_the_title_and_the_figures()
    {
        ExternalTools.Require(ExternalTools.Soffice, ExternalTools.PdfToText);
        using var ledger = await SummaryLedger.CreateAsync();
        var docx = Path.Combine(_directory, "summary-docx.docx");
        await using (var file = File.Create(docx)) SummaryDocx.Write(file, await SummaryWithCaseAsync(ledger));

        await ExternalTools.RunAsync(ExternalTools.Soffice, "--headless", "--norestore", $"-env:UserInstallation={new Uri(Path.Combine(_directory, "lo")).AbsoluteUri}",
            "--convert-to", "pdf", "--outdir", _directory, docx);
        var pdf = Path.Combine(_directory, "summary-docx.pdf");
        ExternalTools.Keep(docx);
        ExternalTools.Keep(pdf);
        var text = await ExternalTools.PdfTextAsync(pdf);
        Assert.Contains("涪陵区2022年生态环境执法现场检查工作总结", text, StringComparison.Ordinal);
        Assert.Contains("计划检查3次、完成2次", text, StringComparison.Ordinal);
        Assert.Contains("核技术乙医院", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_pdf_printed_by_Chromium_contains_the_title_and_the_figures()
    {
        ExternalTools.Require(ExternalTools.Chromium, ExternalTools.PdfToText);
        using var ledger = await SummaryLedger.CreateAsync();
        var bytes = await new ChromiumPdf(ExternalTools.Chromium, ChromiumPdf.DefaultTimeout).PrintAsync(SummaryHtml.Document(await SummaryWithCaseAsync(ledger)), Ct);
        var pdf = Path.Combine(_directory, "summary-chromium.pdf");
        await File.WriteAllBytesAsync(pdf, bytes, Ct);
        ExternalTools.Keep(pdf);
        var text = await ExternalTools.PdfTextAsync(pdf);
        Assert.Contains("涪陵区2022年生态环境执法现场检查工作总结", text, StringComparison.Ordinal);
        Assert.Contains("计划检查3次、完成2次", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_pdf_without_Chromium_fails_with_a_clear_Chinese_message()
    {
        var missing = new ChromiumPdf(Path.Combine(_directory, "no-chromium"), ChromiumPdf.DefaultTimeout);
        var error = await Assert.ThrowsAsync<PdfException>(() => missing.PrintAsync("<p>x</p>", Ct));
        Assert.Equal("服务器未安装 Chromium，无法生成 PDF", error.Message);
    }

    [Fact]
    public async Task Summary_pdf_gives_up_on_a_hung_Chromium_kills_it_and_leaves_no_temporary_files()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("uses a shell script as the fake browser");
            return;
        }
        var hung = Path.Combine(_directory, "hung-chromium");
        await File.WriteAllTextAsync(hung, "#!/bin/sh\nsleep 60\n", Ct);
        File.SetUnixFileMode(hung, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Its own work root: other tests print PDFs at the same time into the shared temporary directory.
        var root = Directory.CreateDirectory(Path.Combine(_directory, "work")).FullName;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<PdfException>(() => new ChromiumPdf(hung, TimeSpan.FromSeconds(1), root).PrintAsync("<p>x</p>", Ct));
        Assert.Equal("Chromium 在 1 秒内未完成，PDF 生成已中止", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
