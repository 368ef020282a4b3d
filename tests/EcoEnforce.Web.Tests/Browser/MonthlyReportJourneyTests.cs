using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcoEnforce.Web.Tests.Browser;

/// <summary>The journey in Chromium: a street's liaison officer, on a phone, finds August 2022 among the reports
/// his unit owes, fills in and submits it; a section chief at a desk approves it on the board. Screenshots go to
/// TestResults/screenshots.</summary>
public sealed class MonthlyReportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    private async Task<IPage> SignedInAsync(string user, string password, int width, int height)
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium); run ./test.sh as root to install it.");
        var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync("/Reports");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Reports");
        return page;
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task A_liaison_submits_august_2022_from_a_phone_and_a_section_chief_approves_it_on_the_board()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed");
        var lidu = await app.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Departments.Where(d => d.Name == "李渡街道").Select(d => d.Id).FirstAsync());
        var (liaisonName, liaisonPassword) = await app.CreateUserAsync(Accounts.Roles.Liaison, lidu);
        var phone = await SignedInAsync(liaisonName, liaisonPassword, 390, 844);
        Assert.Contains("2022 年 8 月 水污染防治 月报", await phone.InnerTextAsync("#owed-reports"), StringComparison.Ordinal);
        await phone.ClickAsync("#owed-reports a:has-text('2022 年 8 月')");
        await phone.WaitForURLAsync("**/Reports/MonthlyReport?*");
        await phone.FillAsync("#FiledBy", "王联络");
        await phone.FillAsync("#Phone", "023-72210000");
        await phone.ClickAsync("button:has-text('报送')");
        await phone.WaitForURLAsync("**done=submitted*");
        Assert.Contains("已报送，待审核", await phone.InnerTextAsync("main"), StringComparison.Ordinal);
        await ShotAsync(phone, "monthly-report-phone");

        var (chiefName, chiefPassword) = await app.CreateUserAsync(Accounts.Roles.SectionChief);
        var desk = await SignedInAsync(chiefName, chiefPassword, 1280, 900);
        await desk.GotoAsync("/Reports/Monthly?Month=2022-08");
        await desk.ClickAsync("#board a:has-text('李渡街道')");
        await desk.WaitForURLAsync("**/Reports/MonthlyReport?*");
        await desk.ClickAsync("button:has-text('审核通过')");
        await desk.WaitForURLAsync("**done=approved*");
        await desk.GotoAsync("/Reports/Monthly?Month=2022-08");
        Assert.Contains("已审核通过", await desk.InnerTextAsync("#board tr:has-text('李渡街道')"), StringComparison.Ordinal);
        await ShotAsync(desk, "monthly-board");
    }
}
