using EcoEnforce.Web.Tests.Infrastructure;

namespace EcoEnforce.Web.Tests.Browser;

/// <summary>The complaint list and the 2022 demo hot spots in Chromium under the Content-Security-Policy: no console
/// errors, the urgent notice shown, a hot spot's complaints open. Screenshots: complaints-list.png, complaints-hotspots.png.</summary>
public sealed class ComplaintsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    [Fact]
    public async Task Complaints_and_hot_spots_render_under_the_csp_with_the_urgent_notice_first()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium).");
        var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{m.Text} @ {m.Location}"); };
        page.PageError += (_, e) => problems.Add(e);
        await page.GotoAsync("/Complaints");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", EcoEnforceApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Complaints");
        problems.Clear(); // the login page is not under test here
        Assert.Contains("考点紧急投诉待处理", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "complaints-list.png") });

        await page.GotoAsync("/Complaints/HotSpots?Year=2022");
        await page.ClickAsync("section.hotspot >> nth=0 >> summary >> nth=0");
        Assert.True(await page.IsVisibleAsync("section.hotspot >> nth=0 >> li >> nth=0"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "complaints-hotspots.png") });
        // As on the dashboard test: htmx's own probe and the missing favicon are not this page's doing.
        problems.RemoveAll(p => p.Contains("htmx.min.js", StringComparison.Ordinal) || p.Contains("favicon.ico", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
