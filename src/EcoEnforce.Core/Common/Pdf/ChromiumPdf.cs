using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace EcoEnforce.Common.Pdf;

/// <summary>The PDF could not be made; the message is for users, in Chinese.</summary>
public sealed class PdfException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Prints an HTML document to PDF with the server's headless Chromium. Chromium lays out Chinese text and
/// fonts correctly where the .NET PDF libraries we can get do not (PDFsharp fails on the TTC CJK fonts and has no layout engine). Each
/// run gets its own temporary directory (page and browser profile), removed afterwards whatever happens.</summary>
/// <param name="workRoot">Where the per-run directories go; the system temporary directory by default.</param>
public sealed class ChromiumPdf(string chromiumPath, TimeSpan timeout, string? workRoot = null)
{
    public const string DefaultPath = "/usr/bin/chromium";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public string ChromiumPath { get; } = chromiumPath;

    /// <summary>Reads <c>Pdf:ChromiumPath</c>; the Debian package's path when unset.</summary>
    public static ChromiumPdf FromConfiguration(IConfiguration? config) =>
        new(config?["Pdf:ChromiumPath"] is { Length: > 0 } path ? path : DefaultPath, DefaultTimeout);

    public bool IsAvailable => File.Exists(ChromiumPath);

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        if (!IsAvailable) throw new PdfException("服务器未安装 Chromium，无法生成 PDF");
        var directory = Directory.CreateDirectory(Path.Combine(workRoot ?? Path.GetTempPath(), $"ecoenforce-pdf-{Guid.NewGuid():N}")).FullName;
        try
        {
            var page = Path.Combine(directory, "page.html");
            var output = Path.Combine(directory, "out.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(ChromiumPath)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                $"--user-data-dir={Path.Combine(directory, "profile")}", "--no-pdf-header-footer", $"--print-to-pdf={output}",
                new Uri(page).AbsoluteUri])
                start.ArgumentList.Add(arg);

            using var process = Process.Start(start) ?? throw new PdfException("无法启动 Chromium，无法生成 PDF");
            // Drain both pipes so a chatty Chromium never blocks on a full buffer.
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                ct.ThrowIfCancellationRequested();
                throw new PdfException($"Chromium 在 {timeout.TotalSeconds:0} 秒内未完成，PDF 生成已中止");
            }
            await Task.WhenAll(stdout, stderr);
            if (!File.Exists(output) || new FileInfo(output).Length == 0)
                throw new PdfException($"Chromium 未能生成 PDF（退出码 {process.ExitCode}）：{Tail(await stderr)}");
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            TryDelete(directory);
        }
    }

    private static string Tail(string text) => text.Length <= 300 ? text.Trim() : text[^300..].Trim();

    private static void TryDelete(string directory)
    {
        // Chromium's helpers may still hold the profile for a moment after the main process exits.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
                return;
            }
            catch (IOException) { Thread.Sleep(200); }
            catch (UnauthorizedAccessException) { Thread.Sleep(200); }
        }
    }
}
