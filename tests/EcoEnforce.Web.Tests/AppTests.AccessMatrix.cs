using System.Net;
using EcoEnforce.Accounts;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Web.Tests.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>The authorization matrix: every GET route of the app's own route table, asked once by each role and
/// anonymously, must answer as Authorization/AccessMatrix.txt says; and every POST route must refuse a request that
/// rides on the session cookie without an antiforgery token.</summary>
public abstract partial class AppTests<TApp>
{
    /// <summary>A client signed in with a fresh account of each role (the liaison officer in <see cref="SampleData.OwnUnit"/>),
    /// and an anonymous one.</summary>
    private async Task<Dictionary<string, HttpClient>> CallersAsync(SampleData data)
    {
        var clients = new Dictionary<string, HttpClient> { [AccessMatrix.Anonymous] = App.Anonymous() };
        foreach (var role in Roles.All)
        {
            var (user, password) = await App.CreateUserAsync(role, role == Roles.Liaison ? data.OwnUnit : null);
            clients[role] = await SignedInAsync(user, password);
        }
        return clients;
    }

    /// <summary>The demo data's ids, plus what the demo lacks: a committed draw whose seed is still secret, and an
    /// evidence file on a task none of the callers works on.</summary>
    private async Task<SampleData> MatrixDataAsync(int quarter)
    {
        App.SkipIfUnavailable();
        var data = await SampleData.LoadAsync(App.Services, Ct);
        var draw = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var ruleSet = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.DrawRuleSets.Where(r => r.Name == "2022年水专项季度抽查").Select(r => r.Id), Ct);
            return await sp.GetRequiredService<CommitDraw.Handler>().HandleAsync(new CommitDraw.Command(ruleSet, 2029, quarter, null, null), Ct);
        });
        Assert.True(draw.Succeeded, string.Join("; ", draw.Errors.Select(e => e.Message)));
        var (taskId, user, password) = await TaskInProgressAsync();
        var upload = await (await ApiAsync(user, password)).PostAsync("/api/v1/evidence", EvidenceForm(taskId, "现场.jpg", SomeJpeg()), Ct);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var evidence = System.Text.Json.JsonDocument.Parse(await upload.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetInt32();
        return data with { Draw = draw.Value, Evidence = evidence };
    }

    [Fact]
    public async Task Every_get_route_answers_every_role_and_anonymous_as_the_access_matrix_says()
    {
        var data = await MatrixDataAsync(quarter: 1);
        var routes = (await RouteInventory.ListAsync(App.Services)).Where(r => r.Method == "GET").ToList();
        var matrix = AccessMatrix.Load();
        var clients = await CallersAsync(data);

        var missing = new List<string>();
        var wrong = new List<string>();
        var unsafeHeaders = new List<string>();
        foreach (var route in routes)
        {
            var url = RouteInventory.Url(route.Pattern, name => data.Value(route.Pattern, name))
                + (route.Handler is null ? "" : $"?handler={route.Handler}");
            var answers = new Dictionary<string, string>();
            foreach (var (caller, client) in clients)
            {
                using var response = await client.GetAsync(url, Ct);
                answers[caller] = AccessMatrix.Answer(response);
                if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || !csp.Single().Contains("frame-ancestors 'none'", StringComparison.Ordinal)
                    || !response.Headers.Contains("X-Content-Type-Options"))
                    unsafeHeaders.Add($"{caller} {url}");
            }
            if (!matrix.Rows.TryGetValue(route.Key, out var expected)) missing.Add(AccessMatrix.Format(route.Key, answers));
            else wrong.AddRange(AccessMatrix.Callers.Where(c => expected[c] != answers[c]).Select(c => $"{route.Key} {url} as {c}: expected {expected[c]}, got {answers[c]}"));
        }
        var stale = matrix.Rows.Keys.Except(routes.Select(r => r.Key)).ToList();

        Assert.True(missing.Count == 0, "Routes without a row in AccessMatrix.txt (answers as observed — check each before pasting):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows in AccessMatrix.txt for routes the app no longer has:\n" + string.Join("\n", stale));
        Assert.True(wrong.Count == 0, "Answers that differ from AccessMatrix.txt:\n" + string.Join("\n", wrong));
        Assert.True(unsafeHeaders.Count == 0, "Responses without the security headers:\n" + string.Join("\n", unsafeHeaders));
    }

    [Fact]
    public async Task Every_post_route_refuses_a_session_cookie_request_without_an_antiforgery_token()
    {
        var data = await MatrixDataAsync(quarter: 2);
        var routes = (await RouteInventory.ListAsync(App.Services)).Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();
        Assert.NotEmpty(routes);
        var admin = await SignedInAsync();
        var accepted = new List<string>();
        foreach (var route in routes)
        {
            // The token endpoint is anonymous: there is no session for a forged request to ride on.
            if (route.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null && route.Handler is null
                && route.Pattern.StartsWith("/api/", StringComparison.Ordinal)) continue;
            var url = RouteInventory.Url(route.Pattern, name => data.Value(route.Pattern, name))
                + (route.Handler is null ? "" : $"?handler={route.Handler}");
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = new FormUrlEncodedContent([new("x", "1")]) };
            using var response = await admin.SendAsync(request, Ct);
            if (response.StatusCode != HttpStatusCode.BadRequest) accepted.Add($"{route.Method} {url}: {(int)response.StatusCode}");
        }
        Assert.True(accepted.Count == 0, "POST routes that did not refuse a request without a token with 400:\n" + string.Join("\n", accepted));
    }
}
