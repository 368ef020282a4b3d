using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoEnforce.Web.Tests.Infrastructure;

namespace EcoEnforce.Web.Tests;

/// <summary>报表驾驶舱: the figures API and page against a hand-counted year (see <see cref="DashboardData"/>), a liaison
/// officer held to his own unit, and bad input refused in Chinese — on both databases.</summary>
public abstract partial class AppTests<TApp>
{
    private async Task<JsonElement> FiguresAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/reports/figures?{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static int[] Ints(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetInt32())];

    private static Dictionary<string, int> Pairs(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().ToDictionary(x => x.GetProperty("label").GetString()!, x => x.GetProperty("count").GetInt32());

    [Fact]
    public async Task Dashboard_figures_api_returns_the_hand_counted_year_and_narrows_by_unit_campaign_and_month()
    {
        App.SkipIfUnavailable();
        var data = await App.WithScopeAsync(sp => DashboardData.SeedAsync(sp, 2031));
        var client = await ApiAsync();

        var all = await FiguresAsync(client, "year=2031&campaignId=&unitId=&month=");
        Assert.Equal([0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0], Ints(all, "plannedByMonth"));
        Assert.Equal([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0], Ints(all, "doneByMonth"));
        Assert.Equal([0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0], Ints(all, "foundByMonth"));
        Assert.Equal((3, 2, 3, 1, 1, 1), (all.GetProperty("planned").GetInt32(), all.GetProperty("done").GetInt32(), all.GetProperty("found").GetInt32(),
            all.GetProperty("closed").GetInt32(), all.GetProperty("awaitingVerification").GetInt32(), all.GetProperty("overdue").GetInt32()));
        Assert.Equal(1.75m, all.GetProperty("finesWan").GetDecimal());
        Assert.Equal(33.3, all.GetProperty("rectificationRate").GetDouble());
        var categories = Pairs(all, "byCategory");
        Assert.Equal((2, 1, 0), (categories["水"], categories["大气"], categories["固危废"]));
        Assert.Equal(8, categories.Count);
        var sources = Pairs(all, "bySource");
        Assert.Equal((1, 1, 1, 0), (sources["投诉举报"], sources["双随机"], sources["日常排查"], sources["上级转办"]));
        var measures = Pairs(all, "byMeasure");
        Assert.Equal((2, 1, 1, 0), (measures["行政处罚"], measures["书面责令改正"], measures["批评教育"], measures["移送拘留"]));
        var campaign = all.GetProperty("campaigns")[0];
        Assert.Equal(("测试专项", 1, 2, 1, 1.5m), (campaign.GetProperty("shortName").GetString(), campaign.GetProperty("done").GetInt32(),
            campaign.GetProperty("found").GetInt32(), campaign.GetProperty("closed").GetInt32(), campaign.GetProperty("finesWan").GetDecimal()));
        Assert.False(all.GetProperty("scope").GetProperty("restricted").GetBoolean());

        var unitB = await FiguresAsync(client, $"year=2031&unitId={data.UnitB}");
        Assert.Equal((1, 1, 1, 0.25m), (unitB.GetProperty("planned").GetInt32(), unitB.GetProperty("done").GetInt32(), unitB.GetProperty("found").GetInt32(),
            unitB.GetProperty("finesWan").GetDecimal()));
        Assert.Equal(data.UnitBName, unitB.GetProperty("scope").GetProperty("unit").GetString());

        var byCampaign = await FiguresAsync(client, $"year=2031&campaignId={data.CampaignId}");
        Assert.Equal((2, 1, 2), (byCampaign.GetProperty("planned").GetInt32(), byCampaign.GetProperty("done").GetInt32(), byCampaign.GetProperty("found").GetInt32()));
        Assert.Single(byCampaign.GetProperty("campaigns").EnumerateArray());

        var june = await FiguresAsync(client, "year=2031&month=6");
        Assert.Equal((0, 1, 1, 6), (june.GetProperty("planned").GetInt32(), june.GetProperty("done").GetInt32(), june.GetProperty("found").GetInt32(),
            june.GetProperty("month").GetInt32()));
    }

    [Fact]
    public async Task Dashboard_figures_api_holds_a_liaison_to_his_own_unit_whatever_he_asks_for()
    {
        App.SkipIfUnavailable();
        var data = await App.WithScopeAsync(sp => DashboardData.SeedAsync(sp, 2033));
        var (user, password) = await App.CreateUserAsync(Accounts.Roles.Liaison, data.UnitA);
        var client = await ApiAsync(user, password);
        foreach (var query in new[] { "year=2033", $"year=2033&unitId={data.UnitB}", $"year=2033&unitId={data.UnitA}" })
        {
            var figures = await FiguresAsync(client, query);
            Assert.Equal((2, 1, 2, 1.5m), (figures.GetProperty("planned").GetInt32(), figures.GetProperty("done").GetInt32(),
                figures.GetProperty("found").GetInt32(), figures.GetProperty("finesWan").GetDecimal()));
            var scope = figures.GetProperty("scope");
            Assert.True(scope.GetProperty("restricted").GetBoolean());
            Assert.Equal(data.UnitA, scope.GetProperty("unitId").GetInt32());
            Assert.Equal(data.UnitA, figures.GetProperty("unitId").GetInt32());
            Assert.Contains("联络员仅可查看本单位数据", scope.GetProperty("note").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("year=2031&month=13", "month", "月份应为 1—12")]
    [InlineData("year=2031&month=0", "month", "月份应为 1—12")]
    [InlineData("year=2031&month=三月", "month", "月份应为整数")]
    [InlineData("year=1999", "year", "年度应在 2000—2100 之间")]
    [InlineData("year=2031&campaignId=999999", "campaignId", "专项不存在")]
    public async Task Dashboard_figures_api_refuses_bad_input_with_a_chinese_problem_details(string query, string field, string message)
    {
        var client = await ApiAsync();
        var response = await client.GetAsync($"/api/v1/reports/figures?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("查询参数有误", problem.GetProperty("title").GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Dashboard_and_its_api_need_a_signed_in_user_and_the_api_is_documented()
    {
        App.SkipIfUnavailable();
        var anonymous = App.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/reports/figures?year=2031", Ct)).StatusCode);
        var page = await anonymous.GetAsync("/Reports/Dashboard", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var doc = await (await ApiAsync()).GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/v1/reports/figures", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_page_shows_the_headline_numbers_charts_data_and_drill_down_links_and_a_liaison_only_his_unit()
    {
        App.SkipIfUnavailable();
        var data = await App.WithScopeAsync(sp => DashboardData.SeedAsync(sp, 2032));
        var client = await SignedInAsync();
        var html = await client.GetStringAsync("/Reports/Dashboard?Year=2032", Ct);
        string Kpi(string page, string label) =>
            Regex.Match(page, $"<span class=\"label\">{Regex.Escape(label)}</span><(?:span|a)[^>]*class=\"value\"[^>]*>([^<]*)<").Groups[1].Value;
        Assert.Equal(["3", "2", "3", "1", "33.3%", "1", "1.75"], new[] { "计划检查", "完成检查", "发现问题", "已整改", "整改完成率", "逾期未整改", "罚款合计(万元)" }.Select(l => Kpi(html, l)));
        Assert.Contains("<script type=\"application/json\" id=\"figures\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Ledger?Year=2032&amp;Overdue=true\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Ledger?Year=2032&amp;Category=Water\"", html, StringComparison.Ordinal);
        // The Content-Security-Policy forbids inline script: every script is a file or data.
        Assert.All(Regex.Matches(html, "<script[^>]*>").Select(m => m.Value), tag => Assert.Matches("src=|type=\"application/json\"", tag));
        foreach (var id in new[] { "chart-inspections", "chart-found", "chart-category", "chart-source", "chart-measure", "chart-campaigns" })
            Assert.Contains($"<canvas id=\"{id}\"", html, StringComparison.Ordinal);

        // The drill-down lands on a ledger holding exactly the problems counted: the year's water problems.
        var ledger = await client.GetStringAsync("/Ledger?Year=2032&Category=Water", Ct);
        Assert.Contains("共 2 个问题", ledger, StringComparison.Ordinal);
        Assert.Contains("共 1 个问题", await client.GetStringAsync($"/Ledger?Year=2032&UnitId={data.UnitB}", Ct), StringComparison.Ordinal);

        var (user, password) = await App.CreateUserAsync(Accounts.Roles.Liaison, data.UnitA);
        var liaison = await SignedInAsync(user, password);
        var own = await liaison.GetStringAsync($"/Reports/Dashboard?Year=2032&UnitId={data.UnitB}", Ct);
        Assert.Equal(["2", "1", "2", "1.5"], new[] { "计划检查", "完成检查", "发现问题", "罚款合计(万元)" }.Select(l => Kpi(own, l)));
        Assert.Contains($"联络员仅可查看本单位数据", own, StringComparison.Ordinal);
        Assert.Contains(data.UnitAName, own, StringComparison.Ordinal);
        // The unit choice offers no other unit (matched with its name: a campaign or a month may share the id).
        Assert.DoesNotContain($">{data.UnitBName}</option>", own, StringComparison.Ordinal);
    }
}
