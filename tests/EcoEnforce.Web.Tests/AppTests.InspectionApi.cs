using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>The inspection and problem steps through the JSON API, as a mobile client would take them.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_client_runs_a_task_and_records_a_problem_through_the_api_and_bad_input_is_a_problem_response()
    {
        var api = await ApiAsync();
        var (entity, campaign, officers, items, today) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var day = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var ids = await db.Inspectors.Where(i => i.IsActive && i.CertificateValidTo >= day).OrderBy(i => i.Id).Skip(20).Take(2).Select(i => i.Id).ToListAsync(Ct);
            var air = await db.Campaigns.Where(c => c.Kind == Campaigns.CampaignKind.Air).OrderBy(c => c.Id).FirstAsync(Ct);
            var checks = await db.Campaigns.Where(c => c.Id == air.Id).SelectMany(c => c.CheckItems).Select(i => i.Id).ToListAsync(Ct);
            return (await db.Enterprises.OrderBy(e => e.Id).Skip(200).Select(e => e.Id).FirstAsync(Ct), air.Id, ids, checks, day);
        });
        async Task<JsonElement> OkAsync(string url, object body)
        {
            var response = await api.PostAsJsonAsync(url, body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {text}");
            return JsonDocument.Parse(text).RootElement;
        }
        var taskId = (await OkAsync("/api/v1/inspections", new
        {
            enterpriseId = entity, source = "DataLead", sourceNote = "在线监控数据异常", campaignIds = new[] { campaign }, windowStart = today, windowEnd = today.AddDays(5),
            plannedOn = today, mode = "OnSite", unannounced = true, inspectorIds = officers,
        })).GetProperty("id").GetInt32();
        await OkAsync($"/api/v1/inspections/{taskId}/start", new { version = 0, presentInspectorIds = officers });
        await OkAsync($"/api/v1/inspections/{taskId}/record", new
        {
            version = 1, findings = "治理设施运行记录不全。",
            answers = items.Select((id, i) => new { checkItemId = id, value = i == 0 ? "NonConforming" : "Conforms", note = i == 0 ? "运行台账缺失" : null }),
        });
        await OkAsync($"/api/v1/inspections/{taskId}/complete", new { version = 2 });

        var problemId = (await OkAsync("/api/v1/problems", new
        {
            category = "Air", description = "治理设施运行台账缺失", enterpriseId = entity, source = "DataLead", foundOn = today, taskId, campaignId = campaign,
            rectificationDeadline = today.AddDays(15),
        })).GetProperty("id").GetInt32();
        await OkAsync($"/api/v1/problems/{problemId}/measures", new { kind = "WrittenOrder", takenOn = today });

        var tooPrecise = await api.PostAsJsonAsync($"/api/v1/problems/{problemId}/measures",
            new { kind = "Penalty", takenOn = today, decisionNumber = "渝涪环罚〔2026〕9号", fineWan = 1.23456m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooPrecise.StatusCode);
        Assert.Equal("application/problem+json", tooPrecise.Content.Headers.ContentType!.MediaType);
        Assert.Contains("4 位小数", await tooPrecise.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var stale = await api.PostAsJsonAsync($"/api/v1/inspections/{taskId}/cancel", new { version = 0, reason = "重复" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);

        var (outsider, password) = await App.CreateUserAsync(Accounts.Roles.Inspector);
        var other = await ApiAsync(outsider, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/problems/{problemId}/rectification", new { rectifiedOn = today }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/inspections", new { enterpriseId = entity }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/inspections/999999/complete", new { version = 0 }, Ct)).StatusCode);
    }
}
