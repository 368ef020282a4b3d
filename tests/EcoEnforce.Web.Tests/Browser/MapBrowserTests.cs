using EcoEnforce.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EcoEnforce.Web.Tests.Browser;

/// <summary>The map with the network cut off except the app itself: the vector base layer, stations with their 3 km
/// buffers, exam venues with 300 m, the river belts, the entities and the demo year's complaint hot spots are drawn, under the CSP, on a desktop and a
/// phone. Screenshots: TestResults/screenshots/map-desktop.png, map-phone.png.</summary>
public sealed class MapBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    [Fact]
    public async Task The_map_draws_stations_buffers_zones_and_entities_offline_without_breaking_the_csp()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium).");
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 900), ("phone", 390, 844) })
        {
            var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
            var elsewhere = new List<string>();
            // Offline: anything not served by the app itself is refused, and noted.
            await page.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal)) await route.ContinueAsync();
                else
                {
                    elsewhere.Add(route.Request.Url);
                    await route.AbortAsync();
                }
            });
            var problems = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{m.Text} @ {m.Location}"); };
            page.PageError += (_, e) => problems.Add(e);
            await page.GotoAsync("/Map");
            await page.FillAsync("#UserName", "admin");
            await page.FillAsync("#Password", EcoEnforceApp.AdminPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync("**/Map");
            // Counted from a fresh load of the map alone, as on the dashboard: htmx's indicator style is refused
            // harmlessly on every page.
            problems.Clear();
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("#map-status[data-loaded=true]");
            problems.RemoveAll(p => p.Contains("htmx.min.js", StringComparison.Ordinal) || p.Contains("favicon.ico", StringComparison.Ordinal));

            var status = await page.InnerTextAsync("#map-status");
            Assert.Contains("空气站及周边3公里", status, StringComparison.Ordinal);
            foreach (var selector in new[] { ".base-outline", ".layer-station", ".layer-station-buffer", ".layer-exam-buffer", ".layer-river-belt", ".layer-entity", ".layer-hotspot" })
                Assert.True(await page.Locator(selector).CountAsync() > 0, $"nothing drawn for {selector}");
            Assert.True(await page.Locator(".layer-entity").CountAsync() >= 400, "the demo's entities are on the map");
            Assert.Empty(elsewhere);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"map-{name}.png") });
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task The_risk_ranking_reads_on_a_phone_without_sideways_scrolling()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium).");
        var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync("/Targeting");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", EcoEnforceApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Targeting");
        Assert.Contains("训练数据：已完成检查", await page.InnerTextAsync("#model-summary"), StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "targeting-phone.png") });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "targeting-desktop.png") });
        // The backtest chart and the weights table are drawn (the chart is inline SVG styled from site.css, no inline style).
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('figure.chart svg').getBoundingClientRect().height > 100"));
        await page.Locator("figure.chart").ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "targeting-backtest-chart.png") });
        await page.Locator("#factor-table").ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "targeting-factors.png") });
    }
}
