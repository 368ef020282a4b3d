using EcoEnforce.Data;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcoEnforce.Web.Tests.Browser;

/// <summary>一公开 in Chromium: an officer drafts a penalty decision on an individual, a section chief reviews the masked
/// preview and publishes it, and an anonymous visitor on a phone finds it and sees only the masked party.</summary>
public sealed class DisclosureJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    private async Task<IPage> SignedInAsync(string role)
    {
        var (user, password) = await app.CreateUserAsync(role);
        var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync("/Disclosure");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Disclosure");
        return page;
    }

    [Fact]
    public async Task A_reviewer_publishes_a_penalty_decision_and_an_anonymous_visitor_sees_the_masked_party()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium); run ./test.sh as root to install it.");
        var (measureId, decision) = await app.WithScopeAsync(async sp =>
        {
            var m = await sp.GetRequiredService<EcoEnforceDb>().ProblemMeasures.Where(x => x.Kind == MeasureKind.Penalty && x.DecisionNumber != null)
                .OrderByDescending(x => x.Id).Select(x => new { x.Id, x.DecisionNumber }).FirstAsync();
            return (m.Id, m.DecisionNumber!);
        });
        var officer = await SignedInAsync(Accounts.Roles.Inspector);
        await officer.GotoAsync($"/Disclosure/Penalty?MeasureId={measureId}");
        await officer.SelectOptionAsync("#PartyKind", "Individual");
        await officer.FillAsync("#PartyName", "欧阳明月");
        await officer.FillAsync("#Facts", "经查，欧阳明月（联系电话 023-72899063）经营的洗车点将洗车废水直排雨水管网。");
        await officer.FillAsync("#LegalBasis", "《中华人民共和国水污染防治法》第八十三条第（三）项");
        await officer.ClickAsync("button:has-text('保存并预览')");
        await officer.WaitForURLAsync("**/Disclosure/Item/*");
        Assert.DoesNotContain("欧阳明月", await officer.InnerTextAsync("#preview"), StringComparison.Ordinal);
        await officer.ClickAsync("button:has-text('提交审核')");
        var itemUrl = officer.Url;

        var chief = await SignedInAsync(Accounts.Roles.SectionChief);
        await chief.GotoAsync(itemUrl);
        var preview = await chief.InnerTextAsync("#preview");
        Assert.Contains("欧阳某", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("72899063", preview, StringComparison.Ordinal);
        await chief.ClickAsync("button:has-text('审核通过并公开')");
        await chief.WaitForSelectorAsync("#status:has-text('已公开')");
        Directory.CreateDirectory(Screenshots);
        await chief.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "disclosure-review.png"), FullPage = true });

        var visitor = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        await visitor.GotoAsync("/public");
        await visitor.ClickAsync("a:has-text('行政处罚决定')");
        await visitor.ClickAsync($"a:has-text('{decision}')");
        await visitor.WaitForURLAsync("**/public/items/*");
        var text = await visitor.InnerTextAsync("main");
        Assert.Contains("欧阳某", text, StringComparison.Ordinal);
        Assert.DoesNotContain("欧阳明月", text, StringComparison.Ordinal);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "public-penalty-phone.png"), FullPage = true });
    }
}
