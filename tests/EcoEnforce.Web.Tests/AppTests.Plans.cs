using System.Net;
using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

public abstract partial class AppTests<TApp>
{
    private Task<List<Plan>> PlansAsync(int year) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Plans.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.Version).ToListAsync(Ct));

    [Fact]
    public async Task A_copied_plan_is_a_private_draft_until_published_then_public_and_frozen()
    {
        var client = await SignedInAsync();
        var source = (await PlansAsync(2022)).First();
        var year = 2040 + (App.Provider == DatabaseProvider.Postgres ? 1 : 0);
        var copied = await client.PostFormAsync($"/Plans/{source.Id}?handler=Copy", new() { ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Plans/{source.Id}");
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var draft = Assert.Single(await PlansAsync(year));
        Assert.Equal(PlanStatus.Draft, draft.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync($"/public/plans/{draft.Id}", Ct)).StatusCode);

        var published = await client.PostFormAsync($"/Plans/{draft.Id}?handler=Publish", [], $"/Plans/{draft.Id}");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var portal = await App.Anonymous().GetStringAsync($"/public/plans/{draft.Id}", Ct);
        Assert.Contains($"涪陵区{year}年生态环境执法现场检查计划", portal, StringComparison.Ordinal);

        var campaignId = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns.Where(c => c.PlanId == draft.Id).Select(c => c.Id).FirstAsync(Ct));
        var edit = await client.GetAsync($"/Plans/Campaign/{campaignId}/Edit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode); // frozen: back to the read-only page
    }

    [Fact]
    public async Task Revising_a_published_plan_keeps_the_old_version_and_supersedes_it_on_publish()
    {
        var client = await SignedInAsync();
        var source = (await PlansAsync(2022)).First();
        var year = 2050 + (App.Provider == DatabaseProvider.Postgres ? 1 : 0);
        await client.PostFormAsync($"/Plans/{source.Id}?handler=Copy", new() { ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Plans/{source.Id}");
        var v1 = Assert.Single(await PlansAsync(year));
        await client.PostFormAsync($"/Plans/{v1.Id}?handler=Publish", [], $"/Plans/{v1.Id}");
        var revise = await client.PostFormAsync($"/Plans/{v1.Id}?handler=Revise", [], $"/Plans/{v1.Id}");
        Assert.Equal(HttpStatusCode.Redirect, revise.StatusCode);

        var versions = await PlansAsync(year);
        Assert.Equal([1, 2], versions.Select(p => p.Version));
        var v2 = versions[1];
        var campaignId = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns.Where(c => c.PlanId == v2.Id).OrderBy(c => c.SortOrder).Select(c => c.Id).FirstAsync(Ct));
        var saved = await client.PostFormAsync($"/Plans/Campaign/{campaignId}/Edit", new()
        {
            ["Input.Title"] = "水污染防治专项执法现场检查计划（修订）", ["Input.ShortName"] = "水污染防治", ["Input.Scope"] = "全区",
            ["Input.Focus"] = "重点查处偷排", ["Input.Schedule"] = "7月", ["Input.Participants"] = "执法支队",
            ["Input.Phases"] = $"自查自纠|{year}-07-01|{year}-07-31", ["Input.CheckItems"] = "核查排污口\n核查台账",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await client.PostFormAsync($"/Plans/{v2.Id}?handler=Publish", [], $"/Plans/{v2.Id}");

        versions = await PlansAsync(year);
        Assert.Equal([PlanStatus.Superseded, PlanStatus.Published], versions.Select(p => p.Status));
        var campaigns = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns.AsNoTracking()
            .Include(c => c.CheckItems).Where(c => c.PlanId == v1.Id || c.PlanId == v2.Id).OrderBy(c => c.SortOrder).ToListAsync(Ct));
        Assert.Equal("水污染防治专项执法现场检查计划", campaigns.Single(c => c.PlanId == v1.Id && c.SortOrder == 1).Title);
        Assert.Equal(2, campaigns.Single(c => c.PlanId == v2.Id && c.SortOrder == 1).CheckItems.Count);
    }

    [Fact]
    public async Task Bad_phase_dates_are_reported_in_chinese_and_nothing_changes()
    {
        var client = await SignedInAsync();
        var source = (await PlansAsync(2022)).First();
        var year = 2060 + (App.Provider == DatabaseProvider.Postgres ? 1 : 0);
        await client.PostFormAsync($"/Plans/{source.Id}?handler=Copy", new() { ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Plans/{source.Id}");
        var draft = Assert.Single(await PlansAsync(year));
        var campaignId = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns.Where(c => c.PlanId == draft.Id).Select(c => c.Id).FirstAsync(Ct));
        var response = await client.PostFormAsync($"/Plans/Campaign/{campaignId}/Edit", new()
        {
            ["Input.Title"] = "标题", ["Input.ShortName"] = "简称", ["Input.Scope"] = "范围", ["Input.Focus"] = "重点",
            ["Input.Schedule"] = "时间", ["Input.Participants"] = "部门", ["Input.Phases"] = "阶段|七月一日|", ["Input.CheckItems"] = "",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("第1行日期“七月一日”格式应为 2023-07-01", html, StringComparison.Ordinal);
        var title = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns.Where(c => c.Id == campaignId).Select(c => c.Title).SingleAsync(Ct));
        Assert.NotEqual("标题", title);
    }

    [Fact]
    public async Task The_plan_pages_show_the_campaigns_and_a_campaign_its_checklist()
    {
        var client = await SignedInAsync();
        var source = (await PlansAsync(2022)).First();
        var html = await client.GetStringAsync($"/Plans/{source.Id}", Ct);
        Assert.Contains("严厉打击重点排污单位自动监测数据弄虚作假违法犯罪专项执法现场检查计划", html, StringComparison.Ordinal);
        var monitoring = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns
            .SingleAsync(c => c.PlanId == source.Id && c.Kind == CampaignKind.AutoMonitoringFraud, Ct));
        var campaign = await client.GetStringAsync($"/Plans/Campaign/{monitoring.Id}", Ct);
        Assert.Contains("检查事项（10 项）", campaign, StringComparison.Ordinal);
        Assert.Contains("核对自动监控设备、数采仪及市监控中心平台三方数据是否一致", campaign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Phases_may_share_a_name_and_the_campaign_can_still_be_saved_again()
    {
        var client = await SignedInAsync();
        var source = (await PlansAsync(2022)).First();
        var year = 2070 + (App.Provider == DatabaseProvider.Postgres ? 1 : 0);
        await client.PostFormAsync($"/Plans/{source.Id}?handler=Copy", new() { ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Plans/{source.Id}");
        var draft = Assert.Single(await PlansAsync(year));
        var campaignId = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns.Where(c => c.PlanId == draft.Id).Select(c => c.Id).FirstAsync(Ct));
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "标题", ["Input.ShortName"] = "简称", ["Input.Scope"] = "范围", ["Input.Focus"] = "重点",
            ["Input.Schedule"] = "时间", ["Input.Participants"] = "部门", ["Input.Phases"] = "现场检查||\n现场检查||", ["Input.CheckItems"] = "",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Plans/Campaign/{campaignId}/Edit", new(form))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Plans/Campaign/{campaignId}/Edit", new(form))).StatusCode);
        var phases = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns.Where(c => c.Id == campaignId)
            .SelectMany(c => c.Phases).CountAsync(Ct));
        Assert.Equal(2, phases);
    }
}
