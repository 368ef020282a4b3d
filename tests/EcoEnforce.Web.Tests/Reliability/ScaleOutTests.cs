using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoEnforce.Data;
using EcoEnforce.Web.Tests.Infrastructure;
using EcoEnforce.Web.Tests.Receiver;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Reliability;

/// <summary>Two app processes started at once on one PostgreSQL database behave as one: one of them migrates and seeds
/// while the other waits; a sign-in, an antiforgery token and a bearer token issued by one are honoured by the other
/// (shared data-protection keys); a draw committed on one is executed on the other; the periodic jobs run under
/// their leases.</summary>
public sealed class ScaleOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_on_one_postgresql_database_share_sign_ins_forms_tokens_and_draws()
    {
        await using var database = await ProcessDatabase.CreateAsync(DatabaseProvider.Postgres, demo: true);
        var ports = new[] { ReceiverApp.FreePort(), ReceiverApp.FreePort() };
        using var a = database.StartApp(ports[0], ReceiverApp.FreePort());
        using var b = database.StartApp(ports[1], ReceiverApp.FreePort());
        try
        {
            await Task.WhenAll(ports.Select(p => ProcessDatabase.WaitForPortAsync(p, TimeSpan.FromMinutes(3))));
            await using (var db = database.Open())
                Assert.Equal(1, await db.Plans.CountAsync(p => p.Year == 2022, Ct));

            // One browser: the cookie jar ignores ports, as browsers do, so each request may land on either node.
            var cookies = new CookieContainer();
            HttpClient Node(int port) => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
                { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var onA = Node(ports[0]);
            using var onB = Node(ports[1]);
            Assert.Equal(HttpStatusCode.Redirect, (await onA.LoginAsync("admin", EcoEnforceApp.AdminPassword)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/Registry", Ct)).StatusCode);

            // A form served by A, posted to B.
            var token = await onA.AntiforgeryTokenAsync("/Complaints/New");
            var posted = await onB.PostAsync("/Complaints/New", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Channel"] = "Letter", ["ReceivedAt"] = "2022-08-01T21:30",
                ["Text"] = "夜间施工噪声扰民（双节点测试）", ["Address"] = "涪陵区李渡街道聚龙大道8号",
            }), Ct);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

            // A bearer token from A; a draw committed on A and executed on B.
            var bearer = await onA.TokenAsync("admin", EcoEnforceApp.AdminPassword);
            using var apiA = new HttpClient { BaseAddress = onA.BaseAddress };
            using var apiB = new HttpClient { BaseAddress = onB.BaseAddress };
            foreach (var api in new[] { apiA, apiB }) api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            var ruleSetId = await RuleSetIdAsync(database);
            var committed = await apiA.PostAsJsonAsync("/api/v1/draws", new { ruleSetId, year = 2022, quarter = 4, execute = false }, Ct);
            Assert.Equal(HttpStatusCode.Created, committed.StatusCode);
            var id = JsonDocument.Parse(await committed.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetInt32();
            var executed = await apiB.PostAsync($"/api/v1/draws/{id}/execute", null, Ct);
            Assert.True(executed.IsSuccessStatusCode, await executed.Content.ReadAsStringAsync(Ct));
            var read = await apiA.GetFromJsonAsync<JsonElement>($"/api/v1/draws/{id}", Ct);
            Assert.Equal("Executed", read.GetProperty("status").GetString());

            // Both nodes started their lead scans; the lease let one of them run it, and left it free afterwards.
            Common.Scheduling.JobLease? lease = null;
            for (var i = 0; i < 120 && lease is not { Holder: null, LastRunUtc: not null }; i++)
            {
                if (i > 0) await Task.Delay(500, Ct);
                await using var db = database.Open();
                lease = await db.JobLeases.AsNoTracking().FirstAsync(j => j.Name == Common.Scheduling.JobLeases.LeadScan, Ct);
            }
            Assert.Equal((null, true), (lease!.Holder, lease.LastRunUtc is not null));
        }
        finally
        {
            await ProcessDatabase.KillAsync(a);
            await ProcessDatabase.KillAsync(b);
        }
    }

    private static async Task<int> RuleSetIdAsync(ProcessDatabase database)
    {
        await using var db = database.Open();
        return await db.DrawRuleSets.Where(r => r.Name == "2022年水专项季度抽查").Select(r => r.Id).FirstAsync(Ct);
    }
}
