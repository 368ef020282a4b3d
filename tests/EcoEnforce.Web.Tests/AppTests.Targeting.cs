using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>精准执法 on the demo's inspections, on both databases: the model trains on the history, ranks entities by
/// risk, and the township filter keeps to that township; liaison officers have no access.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task The_risk_ranking_trains_on_the_inspection_history_and_filters_by_township()
    {
        var client = await SignedInAsync();
        var page = await client.GetStringAsync("/Targeting", Ct);
        Assert.Contains("训练数据：已完成检查", page, StringComparison.Ordinal);
        Assert.Contains("回测（截至", page, StringComparison.Ordinal);
        // The weights, explained in words; the inspectors' effects are not listed as anyone's risk.
        var factors = page[page.IndexOf("id=\"factor-table\"", StringComparison.Ordinal)..];
        Assert.Matches("发现问题的几率(是|乘以)", factors);
        Assert.DoesNotContain("检查人员：", factors, StringComparison.Ordinal);
        var rows = System.Text.RegularExpressions.Regex.Matches(page, "<td data-label=\"排名\">").Count;
        Assert.Equal(100, rows);

        var (townshipId, names) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.EcoEnforceDb>();
            var lidu = await db.Departments.Where(d => d.Name == "李渡街道").Select(d => d.Id).FirstAsync(Ct);
            return (lidu, await db.Enterprises.Where(e => e.TownshipId == lidu).Select(e => e.Name).ToListAsync(Ct));
        });
        var filtered = await client.GetStringAsync($"/Targeting?TownshipId={townshipId}", Ct);
        var listed = System.Text.RegularExpressions.Regex.Matches(filtered, "<a href=\"/Registry/\\d+\">([^<]+)</a>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, name => Assert.Contains(name, names));

        // A campaign's scope: only entities the air campaign's 3 km rule covers.
        var (ruleSet, pool) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.EcoEnforceDb>();
            var rules = await db.DrawRuleSets.FirstAsync(r => r.Name == "2022年大气专项·空气站周边3公里", Ct);
            var ids = await sp.GetRequiredService<Draws.DrawPool>().ScopeAsync(rules.Spec, Common.ChinaTime.Today(TimeProvider.System), Ct);
            return (rules.Id, await db.Enterprises.Where(e => ids.Contains(e.Id)).Select(e => e.Name).ToListAsync(Ct));
        });
        var scoped = await client.GetStringAsync($"/Targeting?RuleSetId={ruleSet}", Ct);
        var inScope = System.Text.RegularExpressions.Regex.Matches(scoped, "<a href=\"/Registry/\\d+\">([^<]+)</a>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(Math.Min(pool.Count, 100), inScope.Count);
        Assert.All(inScope, name => Assert.Contains(name, pool));

        // The same scores on the entity page and the map.
        var top = System.Text.RegularExpressions.Regex.Match(page, "<a href=\"/Registry/(\\d+)\">").Groups[1].Value;
        Assert.Contains("（全区第 1/", await client.GetStringAsync($"/Registry/{top}", Ct), StringComparison.Ordinal);
        using var layers = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/map/layers", Ct));
        Assert.Contains(layers.RootElement.GetProperty("entities").GetProperty("features").EnumerateArray(),
            f => f.GetProperty("properties").GetProperty("risk").ValueKind == System.Text.Json.JsonValueKind.Number);
        var liaison = await (await SignedInAsAsync(Accounts.Roles.Liaison)).GetAsync("/Targeting", Ct);
        Assert.Equal(HttpStatusCode.Redirect, liaison.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", liaison.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
