using EcoEnforce.Cli;
using DocumentFormat.OpenXml.Packaging;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary><c>ecoenforce report summary</c> on its own data directory: Word and PDF by extension, anything else refused
/// with exit code 2 and no file.</summary>
public sealed class SummaryCliTests() : CliDataDirectory("summary")
{

    [Fact]
    public async Task Report_summary_writes_docx_and_pdf_by_extension_and_refuses_other_extensions()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var docx = Path.Combine(DataDirectory, "总结.docx");
        Assert.Equal(0, await RunAsync("report", "summary", "--plan", "2022", "-o", docx));
        using (var document = WordprocessingDocument.Open(docx, false))
            Assert.Contains("涪陵区2022年生态环境执法现场检查工作总结", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);

        var bad = Path.Combine(DataDirectory, "总结.txt");
        Assert.Equal(2, await RunAsync("report", "summary", "--plan", "2022", "-o", bad));
        Assert.Equal(1, await RunAsync("report", "summary", "--plan", "1999", "-o", Path.Combine(DataDirectory, "none.docx")));
        Assert.False(File.Exists(bad));
        Assert.False(File.Exists(Path.Combine(DataDirectory, "none.docx")));
        Assert.Empty(Directory.GetFiles(DataDirectory, "*.tmp"));

        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.False(EcoEnforceApp.IsCi, "CI=true but /usr/bin/chromium is missing: the PDF summary cannot be skipped in CI.");
            Assert.Skip("/usr/bin/chromium is not installed.");
        }
        var pdf = Path.Combine(DataDirectory, "总结.pdf");
        Assert.Equal(0, await RunAsync("report", "summary", "--plan", "2022", "-o", pdf));
        var bytes = await File.ReadAllBytesAsync(pdf, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }
}
