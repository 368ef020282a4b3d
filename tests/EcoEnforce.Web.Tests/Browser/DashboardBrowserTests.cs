using EcoEnforce.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EcoEnforce.Web.Tests.Browser;

/// <summary>报表驾驶舱 in Chromium: every chart is drawn under the Content-Security-Policy, at desktop and phone width.
/// Screenshots go to TestResults/screenshots (dashboard-desktop.png, dashboard-phone.png).</summary>
public sealed class DashboardBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    /// <summary>True when every canvas on the page has at least one painted pixel: Chart.js ran and drew.</summary>
    private const string AllCanvasesDrawn = """
        () => {
            const canvases = [...document.querySelectorAll('canvas')];
            return canvases.length === 6 && canvases.every(c => {
                if (!c.width || !c.height) return false;
                const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
                return false;
            });
        }
        """;

    [Fact]
    public async Task Dashboard_draws_every_chart_on_a_desktop_and_on_a_phone_without_breaking_the_csp()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium).");
        await app.WithScopeAsync(sp => DashboardData.SeedAsync(sp, 2031, busy: true));
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 900), ("phone", 375, 812) })
        {
            var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
            var problems = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{m.Text} @ {m.Location}"); };
            page.PageError += (_, e) => problems.Add(e);
            await page.GotoAsync("/Reports/Dashboard?Year=2031");
            await page.FillAsync("#UserName", "admin");
            await page.FillAsync("#Password", EcoEnforceApp.AdminPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync("**/Reports/Dashboard*");
            // Counted from a fresh load of the dashboard alone: the login page is not under test here. htmx, loaded by the
            // layout on every page, injects its indicator style (blocked, harmlessly), and there is no favicon.
            problems.Clear();
            await page.GotoAsync("/Reports/Dashboard?Year=2031");
            await page.WaitForFunctionAsync(AllCanvasesDrawn, null, new() { Timeout = 15_000 });
            problems.RemoveAll(p => p.Contains("htmx.min.js", StringComparison.Ordinal) || p.Contains("favicon.ico", StringComparison.Ordinal));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"),
                $"the dashboard scrolls sideways at {width} px");
            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"dashboard-{name}.png"), FullPage = true });
            // The first screenful alone, small enough for the README (docs/images/dashboard.png).
            if (name == "desktop") await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "dashboard-top.png") });
            await page.CloseAsync();
        }
    }
}
