using System.Net;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Registry;
using EcoEnforce.Targeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>风险分层 draws: the risk model splits each class's pool before the seed is revealed; the draw inside each
/// stratum stays random and its export verifies without the model.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_risk_stratified_draw_puts_each_classes_highest_scored_entities_in_a_stratum_of_their_own_and_still_verifies()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：风险分层", Water, new DrawRuleSpec
        {
            Period = DrawPeriodKind.Year,
            Quotas = [new() { Class = SupervisionClass.Ordinary, Percent = 5 }],
            Risk = new RiskStrata { TopPercent = 10, HighPercent = 50 },
        });
        var draw = await DrawAsync(api, new { ruleSetId, year = 2028, execute = true });
        var id = draw.GetProperty("id").GetInt32();

        var export = DrawExportJson.Read(await (await api.GetAsync($"/api/v1/draws/{id}/export", Ct)).Content.ReadAsStreamAsync(Ct)).Value!;
        Assert.True(DrawVerifier.Verify(export).Passed);
        var high = export.Pool.Where(o => o.Stratum == "Ordinary" + RiskStratification.HighRiskSuffix).Select(o => o.Key).ToList();
        var rest = export.Pool.Where(o => o.Stratum == "Ordinary").Select(o => o.Key).ToList();
        Assert.Equal((int)Math.Ceiling((high.Count + rest.Count) * 0.10m), high.Count);
        Assert.Contains(export.Rules.Quotas, q => q.Stratum == "Ordinary" + RiskStratification.HighRiskSuffix && q.Percent == 50);
        Assert.Equal((int)Math.Ceiling(high.Count * 0.5m), export.Tasks.Count(t => high.Contains(t.ObjectKey)));
        Assert.Equal((int)Math.Ceiling(rest.Count * 0.05m), export.Tasks.Count(t => rest.Contains(t.ObjectKey)));

        // The high-risk stratum is exactly the top of the model's ranking on the window's first day.
        var scores = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var codes = await db.Enterprises.ToDictionaryAsync(e => e.Id, e => e.CreditCode, Ct);
            var model = RiskModel.Train(await RiskHistory.LoadAsync(db, Ct), new DateOnly(2028, 1, 1))!;
            return model.Rank(new DateOnly(2028, 1, 1)).ToDictionary(s => codes[s.Entity.Id], s => s.Risk);
        });
        Assert.True(high.Min(k => scores[k]) >= rest.Max(k => scores[k]));

        var page = await (await SignedInAsync()).GetStringAsync($"/Draws/{id}", Ct);
        Assert.Contains("一般排污单位·高风险", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_strata_without_enough_past_inspections_are_refused_with_the_reason()
    {
        var result = await App.WithScopeAsync(async sp =>
        {
            var spec = new DrawRuleSpec
            {
                Quotas = [new() { Class = SupervisionClass.KeyPolluter, Percent = 20 }],
                Risk = new RiskStrata { TopPercent = 20, HighPercent = 50 },
            };
            return await sp.GetRequiredService<DrawPool>().BuildAsync(spec, new DrawWindow(new(2021, 1, 1), new(2021, 3, 31), new(2021, 1, 1), new(2021, 3, 31)), Ct);
        });
        Assert.False(result.Succeeded);
        Assert.Contains("风险模型无法建立", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rule_form_saves_risk_strata_and_names_the_missing_half()
    {
        var client = await SignedInAsync();
        var campaignId = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct));
        Dictionary<string, string> Form(string name, string top, string high) => new()
        {
            ["Input.Name"] = name, ["Input.CampaignId"] = campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Period"] = "Year",
            ["Input.Rows[0].QuotaMode"] = "percent", ["Input.Rows[0].QuotaValue"] = "10", ["Input.TeamSize"] = "2",
            ["Input.RiskTopPercent"] = top, ["Input.RiskHighPercent"] = high,
        };

        var refused = await client.PostFormAsync("/Draws/RuleSet", Form("测试：风险分层表单缺项", "20", ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("高风险层的抽查比例应在", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var saved = await client.PostFormAsync("/Draws/RuleSet", Form("测试：风险分层表单", "20", "60"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var spec = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().DrawRuleSets.Where(r => r.Name == "测试：风险分层表单").Select(r => r.SpecJson).FirstAsync(Ct));
        Assert.Equal(new RiskStrata { TopPercent = 20, HighPercent = 60 }, DrawRuleSpec.FromJson(spec).Risk);
    }
}
