using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace EcoEnforce.Web.Tests.Infrastructure;

/// <summary>Checks an Office file as its readers would: the OpenXML schema validator, then LibreOffice turning it into a
/// PDF whose text is read back with pdftotext. Without LibreOffice the check is skipped locally and fails in CI.</summary>
public static class OfficeFiles
{
    public static void AssertValidXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Every cell's text as a spreadsheet shows it (shared and inline strings, values), and every formula.</summary>
    public static IReadOnlyList<string> XlsxTexts(byte[] bytes) => XlsxElements(bytes, "t", "v");

    public static IReadOnlyList<string> XlsxFormulas(byte[] bytes) => XlsxElements(bytes, "f");

    private static List<string> XlsxElements(byte[] bytes, params string[] names)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var parts = document.WorkbookPart!.WorksheetParts.Cast<OpenXmlPart>().Append(document.WorkbookPart.SharedStringTablePart).OfType<OpenXmlPart>();
        return [.. parts.SelectMany(part =>
        {
            using var xml = part.GetStream();
            return System.Xml.Linq.XDocument.Load(xml).Descendants().Where(e => names.Contains(e.Name.LocalName)).Select(e => e.Value).ToList();
        })];
    }

    /// <summary>Converts with LibreOffice (own profile directory, so parallel conversions do not collide) and returns the
    /// PDF's text.</summary>
    public static async Task<string> PdfTextViaLibreOfficeAsync(byte[] bytes, string extension)
    {
        const string soffice = "/usr/bin/soffice";
        if (!File.Exists(soffice))
        {
            Assert.False(EcoEnforceApp.IsCi, "CI=true but LibreOffice is not installed");
            Assert.Skip("LibreOffice is not installed");
        }
        var dir = Directory.CreateTempSubdirectory("ecoenforce-office-").FullName;
        try
        {
            var input = Path.Combine(dir, "report" + extension);
            await File.WriteAllBytesAsync(input, bytes, TestContext.Current.CancellationToken);
            await RunAsync(soffice, "--headless", "--norestore", $"-env:UserInstallation=file://{dir}/profile", "--convert-to", "pdf", "--outdir", dir, input);
            var pdf = Path.Combine(dir, "report.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice produced no PDF");
            return await RunAsync("pdftotext", "-layout", pdf, "-");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} failed: {await error}");
        return await output;
    }
}
