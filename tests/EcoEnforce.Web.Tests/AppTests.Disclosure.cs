using System.Net;
using System.Text.RegularExpressions;
using EcoEnforce.Data;
using EcoEnforce.Disclosure;
using EcoEnforce.Problems;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>一公开: a penalty decision is masked when drafted, approved by someone other than its author, and read by an
/// anonymous visitor, in HTML, JSON and CSV; nothing unpublished or personal is reachable from /public.</summary>
public abstract partial class AppTests<TApp>
{
    /// <summary>A valid resident ID (GB 11643 check digit) and a mobile number to plant in the facts.</summary>
    private const string IdNumber = "11010519491231002X";
    private const string Mobile = "13912345678";

    private async Task<(int MeasureId, string Decision)> DemoPenaltyAsync(int skip) => await App.WithScopeAsync(async sp =>
    {
        var m = await sp.GetRequiredService<EcoEnforceDb>().ProblemMeasures.Where(x => x.Kind == MeasureKind.Penalty && x.DecisionNumber != null)
            .OrderBy(x => x.Id).Skip(skip).Select(x => new { x.Id, x.DecisionNumber }).FirstAsync(Ct);
        return (m.Id, m.DecisionNumber!);
    });

    private async Task<HttpClient> SignedInAsAsync(string role)
    {
        var (user, password) = await App.CreateUserAsync(role);
        return await SignedInAsync(user, password);
    }

    [Fact]
    public async Task A_penalty_decision_on_an_individual_is_masked_approved_by_a_second_person_and_read_anonymously()
    {
        var (measureId, decision) = await DemoPenaltyAsync(0);
        var author = await SignedInAsAsync(Accounts.Roles.Inspector);
        var form = $"/Disclosure/Penalty?MeasureId={measureId}";
        var drafted = await author.PostFormAsync(form, new()
        {
            ["MeasureId"] = $"{measureId}", ["PartyKind"] = "Individual", ["PartyName"] = "张三丰",
            ["Facts"] = $"经查，张三丰（身份证号{IdNumber}，手机{Mobile}）在李渡街道私设暗管排放废水，证人李四海在场。",
            ["LegalBasis"] = "《中华人民共和国水污染防治法》第八十三条", ["Penalty"] = "罚款人民币2万元。",
            ["Performance"] = "自收到本决定书之日起十五日内缴纳。", ["PersonNames"] = "李四海",
        }, form);
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var item = drafted.Headers.Location!.OriginalString;
        var id = int.Parse(item.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var preview = await author.GetStringAsync(item, Ct);
        Assert.Contains("张某", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", preview, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, preview, StringComparison.Ordinal);
        Assert.DoesNotContain(Mobile, preview, StringComparison.Ordinal);
        Assert.DoesNotContain("李四海", preview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync($"/public/items/{id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync(item + "?handler=Submit", [], item)).StatusCode);
        var chief = await SignedInAsAsync(Accounts.Roles.SectionChief);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(item + "?handler=Approve", [], item)).StatusCode);

        var visitor = App.Anonymous();
        var page = await visitor.GetStringAsync($"/public/items/{id}", Ct);
        Assert.Contains(decision, page, StringComparison.Ordinal);
        Assert.Contains("张某", page, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", page, StringComparison.Ordinal);
        Assert.Contains(decision, await visitor.GetStringAsync("/public/penalties", Ct), StringComparison.Ordinal);
        var csv = await visitor.GetStringAsync("/public/data/penalties.csv", Ct);
        var json = await visitor.GetStringAsync("/public/data/penalties.json", Ct);
        foreach (var text in new[] { csv, json })
        {
            Assert.Contains("张某", text, StringComparison.Ordinal);
            Assert.DoesNotContain(IdNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Mobile, text, StringComparison.Ordinal);
        }
        Assert.Contains(decision, await visitor.GetStringAsync("/public/feed.atom", Ct), StringComparison.Ordinal);

        // Withdrawn: the visitor sees that, when and why, and no longer the content.
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(item + "?handler=Withdraw", new() { ["note"] = "处罚决定已被依法撤销" }, item)).StatusCode);
        var withdrawn = await visitor.GetStringAsync($"/public/items/{id}", Ct);
        Assert.Contains("处罚决定已被依法撤销", withdrawn, StringComparison.Ordinal);
        Assert.DoesNotContain("私设暗管", withdrawn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_cannot_approve_his_own_draft_and_a_correction_replaces_the_published_text_with_a_note()
    {
        var (measureId, _) = await DemoPenaltyAsync(1);
        var (user, password) = await App.CreateUserAsync(Accounts.Roles.SectionChief);
        var chief = await SignedInAsync(user, password);
        var form = $"/Disclosure/Penalty?MeasureId={measureId}";
        var fields = new Dictionary<string, string>
        {
            ["MeasureId"] = $"{measureId}", ["PartyKind"] = "Organisation", ["LegalRepresentative"] = "王法人", ["Facts"] = "超标排放废水。",
            ["LegalBasis"] = "《中华人民共和国水污染防治法》第八十三条", ["Penalty"] = "罚款人民币1万元。", ["Performance"] = "十五日内缴纳。",
        };
        var item = (await chief.PostFormAsync(form, new(fields), form)).Headers.Location!.OriginalString;
        await chief.PostFormAsync(item + "?handler=Submit", [], item);
        var own = await chief.PostFormAsync(item + "?handler=Approve", [], item);
        Assert.Contains("审核人不能是起草人", await own.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var second = await SignedInAsAsync(Accounts.Roles.Leader);
        await second.PostFormAsync(item + "?handler=Approve", [], item);
        var correction = (await second.PostFormAsync(item + "?handler=Correct", new() { ["note"] = "更正罚款金额" }, item)).Headers.Location!.OriginalString;
        Assert.NotEqual(item, correction);
        var published = int.Parse(item.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("超标排放废水", await App.Anonymous().GetStringAsync($"/public/items/{published}", Ct), StringComparison.Ordinal);
        await second.PostFormAsync(form, new(fields) { ["Penalty"] = "罚款人民币1.5万元。" }, form);
        await second.PostFormAsync(correction + "?handler=Submit", [], correction);
        await chief.PostFormAsync(correction + "?handler=Approve", [], correction);

        var visitor = App.Anonymous();
        var old = await visitor.GetAsync($"/public/items/{published}", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        var current = await visitor.GetStringAsync(old.Headers.Location!.OriginalString, Ct);
        Assert.Contains("更正罚款金额", current, StringComparison.Ordinal);
        Assert.Contains("1.5万元", current, StringComparison.Ordinal);
        Assert.Contains("王法人", current, StringComparison.Ordinal); // an organisation's legal representative is public
    }

    [Fact]
    public async Task No_public_url_query_or_export_reveals_an_unpublished_item_or_personal_and_internal_data()
    {
        var (measureId, _) = await DemoPenaltyAsync(2);
        var author = await SignedInAsAsync(Accounts.Roles.Inspector);
        var form = $"/Disclosure/Penalty?MeasureId={measureId}";
        var marker = "未公开草稿标记" + Guid.NewGuid().ToString("N")[..8];
        var draft = await author.PostFormAsync(form, new()
        {
            ["MeasureId"] = $"{measureId}", ["PartyKind"] = "Organisation", ["PartyName"] = marker, ["Facts"] = marker,
            ["LegalBasis"] = "依据", ["Penalty"] = "罚款", ["Performance"] = "十五日内",
        }, form);
        var draftId = draft.Headers.Location!.OriginalString.Split('/')[^1];

        var secrets = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var list = new List<string> { marker };
            list.AddRange(await db.Inspectors.Where(i => i.Phone != null).Select(i => i.Phone!).Take(20).ToListAsync(Ct));
            list.AddRange(await db.Enterprises.Where(e => e.ContactPhone != null).Select(e => e.ContactPhone!).Take(20).ToListAsync(Ct));
            list.AddRange(await db.Enterprises.Where(e => e.ContactName != null).Select(e => e.ContactName!).Where(n => n.Length >= 3).Take(20).ToListAsync(Ct));
            list.AddRange(await db.EvidenceFiles.Select(f => f.FileName).Take(20).ToListAsync(Ct));
            list.AddRange(await db.Draws.Where(d => d.Status != Draws.DrawStatus.Executed).Select(d => d.Seed).Take(20).ToListAsync(Ct));
            list.AddRange(await db.Publications.Select(p => p.CreatedBy).Distinct().ToListAsync(Ct));
            list.AddRange(await db.RosterEntries.Select(r => r.Phone).ToListAsync(Ct));
            return list.Where(s => s.Length >= 3).Distinct().ToList();
        });
        var ids = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Publications.Select(p => p.Id).ToListAsync(Ct));
        var plans = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Plans.Select(p => p.Id).ToListAsync(Ct));
        var urls = new List<string> { "/public", "/public/results", "/public/penalties", "/public/feed.atom" };
        foreach (var kind in new[] { "results", "penalties" })
        {
            urls.AddRange([$"/public/data/{kind}.json", $"/public/data/{kind}.csv", $"/public/data/{kind}.json?year=2022",
                $"/public/{kind}?Q={Uri.EscapeDataString(marker)}", $"/public/{kind}?Year=2022&Outcome=problems", $"/public/{kind}?p=999"]);
        }
        urls.AddRange(ids.Select(i => $"/public/items/{i}"));
        urls.AddRange(plans.Select(p => $"/public/plans/{p}"));
        var visitor = App.Anonymous();
        foreach (var url in urls)
        {
            var response = await visitor.GetAsync(url, Ct);
            // The search box echoes the visitor's own query; that is not a leak.
            var body = (await response.Content.ReadAsStringAsync(Ct)).Replace($"value=\"{marker}\"", "", StringComparison.Ordinal);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.MovedPermanently, $"{url}: {response.StatusCode}");
            foreach (var secret in secrets) Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{url} reveals “{secret}”");
            Assert.DoesNotMatch(new Regex(@"(?<!\d)1[3-9]\d{9}(?!\d)"), Regex.Replace(body, "[0-9a-f]{64}", "")); // no mobile number anywhere
        }
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/public/items/{draftId}", Ct)).StatusCode);
        // Staff pages stay behind the login.
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/Disclosure", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"/Disclosure/Item/{draftId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_public_site_answers_a_repeated_anonymous_read_from_its_cache_but_never_a_signed_in_one()
    {
        App.SkipIfUnavailable();
        using var cached = App.WithWebHostBuilder(b => b.UseSetting("PublicSite:CacheSeconds", "30"));
        var url = $"/public/results?Q=缓存{Guid.NewGuid():N}";
        var visitor = cached.CreateClient(new() { AllowAutoRedirect = false });
        Assert.False((await visitor.GetAsync(url, Ct)).Headers.Contains("Age"));
        Assert.True((await visitor.GetAsync(url, Ct)).Headers.Contains("Age"));
        var staff = cached.CreateClient(new() { AllowAutoRedirect = false });
        await staff.LoginAsync("admin", EcoEnforceApp.AdminPassword);
        Assert.False((await staff.GetAsync(url, Ct)).Headers.Contains("Age")); // signed in: never from the cache
        Assert.False((await App.Anonymous().GetAsync(url, Ct)).Headers.Contains("Age")); // the suite's apps keep no cache
    }

    [Fact]
    public async Task The_public_site_answers_429_in_chinese_past_its_per_minute_limit()
    {
        App.SkipIfUnavailable();
        using var limited = App.WithWebHostBuilder(b => b.UseSetting("PublicSite:RequestsPerMinute", "3"));
        var client = limited.CreateClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/public", Ct)).StatusCode);
        var refused = await client.GetAsync("/public/results", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("访问过于频繁", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/health", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_disclosure_page_lists_late_penalty_decisions_and_the_years_rate()
    {
        var leader = await SignedInAsAsync(Accounts.Roles.Leader);
        var html = await leader.GetStringAsync("/Disclosure?Year=2022", Ct);
        Assert.Contains("公开率", html, StringComparison.Ordinal);
        Assert.Contains("逾期未公开", html, StringComparison.Ordinal); // the demo's 2022 penalties were never published
        var liaison = await SignedInAsAsync(Accounts.Roles.Liaison);
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.GetAsync("/Disclosure", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_drawn_inspections_result_is_published_with_its_draw_and_commitment_and_counts_towards_the_rate()
    {
        var api = await ApiAsync();
        var ruleSetId = await SeededRuleSetIdAsync("2022年水专项季度抽查");
        var draw = await DrawAsync(api, new { ruleSetId, year = 2025, quarter = 4, execute = true });
        var (taskId, entity) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var drawId = draw.GetProperty("id").GetInt32();
            var task = await db.InspectionTasks.Include(t => t.Enterprise).Where(t => t.Campaigns.Any(c => c.DrawId == drawId)).OrderBy(t => t.Id).FirstAsync(Ct);
            task.Status = Inspections.TaskStatus.Done;
            task.InspectedOn = new DateOnly(2025, 11, 10);
            await db.SaveChangesAsync(Ct);
            return (task.Id, task.Enterprise!.Name);
        });
        var officer = await SignedInAsAsync(Accounts.Roles.Inspector);
        var drafted = await officer.PostFormAsync("/Disclosure?Year=2025&handler=PrepareResult", new() { ["taskId"] = $"{taskId}" }, "/Disclosure?Year=2025");
        var item = drafted.Headers.Location!.OriginalString;
        await officer.PostFormAsync(item + "?handler=Submit", [], item);
        var chief = await SignedInAsAsync(Accounts.Roles.SectionChief);
        await chief.PostFormAsync(item + "?handler=Approve", [], item);

        var visitor = App.Anonymous();
        var list = await visitor.GetStringAsync("/public/results?Year=2025&Outcome=clean", Ct);
        Assert.Contains(entity, list, StringComparison.Ordinal);
        var page = await visitor.GetStringAsync($"/public/items/{item.Split('/')[^1]}", Ct);
        Assert.Contains(draw.GetProperty("seedSha256").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains("未发现问题", page, StringComparison.Ordinal);
        Assert.Contains(entity, await visitor.GetStringAsync("/public/data/results.csv?year=2025", Ct), StringComparison.Ordinal);
        var rate = await chief.GetStringAsync("/Disclosure?Year=2025", Ct);
        Assert.Contains("id=\"rate\">100%", rate, StringComparison.Ordinal); // the only one due in 2025, published
        Assert.Contains("逾期公开", rate, StringComparison.Ordinal); // published today, years after its deadline
    }
}
