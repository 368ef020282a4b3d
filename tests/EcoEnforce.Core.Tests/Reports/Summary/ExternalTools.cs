using System.Diagnostics;

namespace EcoEnforce.Core.Tests.Reports.Summary;

/// <summary>LibreOffice, Chromium and poppler for checking documents as a reader would see them. Missing tools skip the
/// test on a developer machine but fail it when CI=true, so CI never passes without having looked.</summary>
internal static class ExternalTools
{
    public const string Soffice = "/usr/bin/soffice";
    public const string Chromium = "/usr/bin/chromium";
    public const string PdfToText = "/usr/bin/pdftotext";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(params string[] tools)
    {
        foreach (var tool in tools.Where(t => !File.Exists(t)))
        {
            if (IsCi) Assert.Fail($"CI=true but {tool} is missing: document rendering tests cannot be skipped in CI.");
            Assert.Skip($"{tool} is not installed.");
        }
    }

    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
        Assert.True(process.ExitCode == 0, $"{file} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    /// <summary>The PDF's text with all whitespace removed, since pdftotext breaks lines where the layout does.</summary>
    public static async Task<string> PdfTextAsync(string pdf) =>
        string.Concat((await RunAsync(PdfToText, "-layout", pdf, "-")).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>With ECOENFORCE_KEEP_OUTPUT set to a directory, rendered files are copied there to look at.</summary>
    public static void Keep(string file)
    {
        if (Environment.GetEnvironmentVariable("ECOENFORCE_KEEP_OUTPUT") is { Length: > 0 } dir)
            File.Copy(file, Path.Combine(Directory.CreateDirectory(dir).FullName, Path.GetFileName(file)), overwrite: true);
    }
}
