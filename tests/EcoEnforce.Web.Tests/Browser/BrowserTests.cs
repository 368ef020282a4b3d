using EcoEnforce.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EcoEnforce.Web.Tests.Browser;

/// <summary>The app on a real Kestrel port, driven by Debian's Chromium. Screenshots go to TestResults/screenshots.</summary>
public sealed class BrowserApp : EcoEnforceApp, IAsyncLifetime
{
    private readonly int _receiverPort = Receiver.ReceiverApp.FreePort();
    protected override int? ReceiverPort => _receiverPort;
    public System.Net.IPEndPoint ReceiverEndpoint => new(System.Net.IPAddress.Loopback, _receiverPort);
    protected override bool OnRealKestrel => File.Exists(Chromium);
    public override EcoEnforce.Data.DatabaseProvider Provider => EcoEnforce.Data.DatabaseProvider.Sqlite;
    public string BaseUrl { get; private set; } = "";
    public IBrowser? Browser { get; private set; }
    private IPlaywright? _playwright;

    public const string Chromium = "/usr/bin/chromium";

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            if (IsCi) throw new InvalidOperationException("CI=true but /usr/bin/chromium is missing: browser tests cannot be skipped in CI.");
            return;
        }
        await InitializeAsync();
        BaseUrl = HttpBaseUrl;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

public sealed class BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    private async Task<IPage> SignedInPageAsync(int width = 1280, int height = 900)
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium); run ./test.sh as root to install it.");
        var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync("/Plans");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", EcoEnforceApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Plans");
        return page;
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task An_officer_logs_in_opens_the_2022_plan_sees_its_eight_campaigns_and_opens_one()
    {
        var page = await SignedInPageAsync();
        await page.ClickAsync("text=涪陵区2022年生态环境执法现场检查计划");
        await page.WaitForURLAsync("**/Plans/*");
        var rows = page.Locator("table.grid tbody tr");
        Assert.Equal(8, await rows.CountAsync());
        Assert.Contains("示例数据", await page.InnerTextAsync(".demo-banner"), StringComparison.Ordinal);
        await ShotAsync(page, "plan-2022");

        await page.ClickAsync("text=核与辐射执法检查计划");
        await page.WaitForURLAsync("**/Plans/Campaign/*");
        Assert.Contains("84 家", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await ShotAsync(page, "campaign-nuclear");
    }

    [Fact]
    public async Task The_registry_filters_as_you_type_and_works_on_a_phone()
    {
        var page = await SignedInPageAsync(390, 844);
        await page.GotoAsync("/Registry");
        await page.SelectOptionAsync("#Flag", "nuclear");
        await page.WaitForFunctionAsync("() => document.querySelector('#results p').innerText.includes('84')");
        Assert.Contains("共 84 个检查对象", await page.InnerTextAsync("#results p"), StringComparison.Ordinal);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the registry page scrolls sideways on a phone");
        await ShotAsync(page, "registry-phone");
    }

    [Fact]
    public async Task The_dashboard_counts_the_registry_and_an_entity_page_shows_its_flags()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("426", await page.InnerTextAsync(".cards"), StringComparison.Ordinal);
        await ShotAsync(page, "dashboard");

        await page.GotoAsync("/Registry?Flag=automonitoring");
        await ShotAsync(page, "registry");
        await page.Locator("#results table a").First.ClickAsync();
        await page.WaitForURLAsync("**/Registry/*");
        Assert.Contains("自动监控", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await ShotAsync(page, "entity");
    }

    [Fact]
    public async Task The_public_portal_reads_on_a_phone_without_login()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium).");
        var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync("/public");
        await page.ClickAsync("text=涪陵区2022年生态环境执法现场检查计划");
        Assert.Contains("二、主要内容", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
        await ShotAsync(page, "public-plan-phone");
    }

    [Fact]
    public async Task Minute_data_sent_by_a_data_logger_is_charted_against_its_limit()
    {
        var page = await SignedInPageAsync();
        var (pointId, mn) = await app.WithScopeAsync(async sp =>
        {
            var point = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                sp.GetRequiredService<EcoEnforce.Data.EcoEnforceDb>().MonitoringPoints, p => p.Medium == EcoEnforce.Monitoring.MonitoringMedium.Water);
            return (point.Id, point.Mn);
        });
        await using (var device = new Receiver.Device(mn))
        {
            await device.ConnectAsync(app.ReceiverEndpoint, TestContext.Current.CancellationToken);
            var start = new DateTime(2022, 11, 1, 8, 0, 0);
            for (var i = 0; i < 60; i++)
            {
                var cod = 45 + 15 * Math.Sin(i / 6.0) + (i == 40 ? 70 : 0);
                await device.SendAsync(Receiver.Device.MinutePacket(mn, start.AddMinutes(i), cod, $"20221101{i:D9}"), TestContext.Current.CancellationToken);
            }
            Assert.Equal(60, (await device.ReadAnswersAsync(60, TestContext.Current.CancellationToken)).Count);
        }
        await page.GotoAsync($"/Monitoring/Point/{pointId}?Kind=Minute&From=2022-11-01&To=2022-11-01");
        Assert.Contains("共 60 条", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => { const c = document.getElementById('chart'); return c && c.width > 0 && window.Chart && Chart.getChart(c); }");
        await ShotAsync(page, "monitoring-point");
        await page.GotoAsync("/Monitoring");
        await ShotAsync(page, "monitoring");
    }
}

public sealed class DrawBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    [Fact]
    public async Task A_section_chief_previews_the_water_draw_commits_to_a_seed_draws_and_sees_the_teams()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium); run ./test.sh as root to install it.");
        var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync("/Draws");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", EcoEnforceApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Draws");
        Directory.CreateDirectory(Screenshots);

        await page.ClickAsync("a.btn:has-text('新建抽取')");
        await page.WaitForURLAsync("**/Draws/New");
        var water = await page.Locator("#RuleSetId option:has-text('2022年水专项季度抽查')").GetAttributeAsync("value");
        await page.SelectOptionAsync("#RuleSetId", water!);
        await page.FillAsync("#Year", "2022");
        await page.SelectOptionAsync("#Quarter", "2");
        await page.ClickAsync("text=预览对象库");
        await page.WaitForSelectorAsync("text=应抽取（向上取整）");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "draw-preview.png"), FullPage = false });

        await page.ClickAsync("text=冻结名单并生成种子承诺");
        await page.WaitForURLAsync("**/Draws/*");
        Assert.Contains("抽取时揭示", await page.InnerTextAsync("dl.fields"), StringComparison.Ordinal);
        await page.ClickAsync("text=揭示种子并抽取");
        await page.WaitForSelectorAsync("text=抽取结果");
        var rows = page.Locator("table.grid.responsive tbody tr");
        Assert.True(await rows.CountAsync() > 0);
        Assert.Contains("执法支队", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "draw-result.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=下载抽查记录表（.xlsx）"));
        var path = Path.Combine(Screenshots, "draw-record.xlsx");
        await download.SaveAsAsync(path);
        Assert.True(new FileInfo(path).Length > 2000);

        await page.GotoAsync("/Draws/Rules");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "draw-rules.png"), FullPage = true });
        await page.ClickAsync("a.btn:has-text('修改') >> nth=0");
        await page.WaitForURLAsync("**/Draws/RuleSet/*");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "draw-ruleset.png"), FullPage = true });
        Assert.Equal("25", await page.InputValueAsync("input[name='Input.Rows[0].QuotaValue']"));
    }
}

public sealed class InspectionBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    [Fact]
    public async Task On_a_phone_an_officer_starts_a_task_answers_the_checklist_and_completes_it()
    {
        Assert.SkipWhen(app.Browser is null, "Chromium is not installed (/usr/bin/chromium); run ./test.sh as root to install it.");
        var taskId = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforce.Data.EcoEnforceDb>();
            var today = EcoEnforce.Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var officers = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Inspectors.Where(i => i.IsActive && i.CertificateValidTo >= today).OrderBy(i => i.Id).Take(2).Select(i => i.Id));
            var entity = db.Enterprises.Where(e => e.IsNuclearTechUser).OrderBy(e => e.Id).Select(e => e.Id).First();
            var nuclear = db.Campaigns.Where(c => c.Kind == EcoEnforce.Campaigns.CampaignKind.NuclearRadiation).Select(c => c.Id).First();
            var created = await sp.GetRequiredService<EcoEnforce.Inspections.CreateTask.Handler>().HandleAsync(new(entity, EcoEnforce.Inspections.TaskSource.Routine,
                null, [nuclear], today, today.AddDays(3), today, EcoEnforce.Inspections.InspectionMode.OnSite, false, officers), TestContext.Current.CancellationToken);
            return created.Value;
        });
        var page = await app.Browser!.NewPageAsync(new() { Locale = "zh-CN", BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        await page.GotoAsync("/Inspections");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", EcoEnforceApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/Inspections");
        await page.GotoAsync($"/Inspections/{taskId}");
        await page.ClickAsync("text=开始检查");
        await page.WaitForSelectorAsync("text=现场检查笔录");
        var radios = page.Locator("input[type=radio][value=Conforms]");
        var count = await radios.CountAsync();
        Assert.True(count >= 5);
        for (var i = 0; i < count; i++) await radios.Nth(i).CheckAsync();
        await page.Locator("input[type=radio][value=NonConforming]").First.CheckAsync();
        await page.Locator(".checklist input[type=text]").First.FillAsync("辐射警示标识缺失");
        await page.FillAsync("#Findings", "现场检查放射源库房及台账，警示标识缺失，已当场责令整改。");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "inspection-phone.png"), FullPage = true });
        await page.ClickAsync("text=完成检查");
        await page.WaitForSelectorAsync("text=已完成");
        Assert.Contains("辐射警示标识缺失", await page.InnerTextAsync("main, body"), StringComparison.Ordinal);

        // A photo: the phone's own screenshot stands in for a camera picture (a real PNG).
        var photo = Path.Combine(Path.GetTempPath(), $"evidence-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, await page.ScreenshotAsync(), TestContext.Current.CancellationToken);
        await page.SetInputFilesAsync("input[type=file]", photo);
        await page.FillAsync("input[name=Caption]", "放射源库房现场照片");
        await page.ClickAsync("form.evidence-upload button[type=submit]");
        await page.WaitForSelectorAsync("text=放射源库房现场照片");
        File.Delete(photo);

        // The 不符合 answer becomes a problem on the ledger.
        await page.ClickAsync("a:has-text('登记问题') >> nth=0");
        await page.WaitForURLAsync("**/Ledger/New**");
        Assert.Equal("辐射警示标识缺失", await page.InputValueAsync("#Description"));
        Assert.Equal("核与辐射", await page.InputValueAsync("#CategoryOther"));
        await page.ClickAsync("form.card button[type=submit]");
        await page.WaitForSelectorAsync("h1:has-text('问题 #')");
        await page.GotoAsync("/Ledger");
        Assert.Contains("辐射警示标识缺失", await page.InnerTextAsync("table.grid"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "ledger-phone.png"), FullPage = true });
        await page.GotoAsync($"/Inspections/{taskId}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "inspection-done-phone.png"), FullPage = true });
        await page.GotoAsync($"/Inspections/{taskId}/Record");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(794, 1123); // A4 at 96 dpi
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "inspection-record-print.png"), FullPage = true });
    }
}
