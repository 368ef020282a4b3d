using System.Net;
using System.Text.Json;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Hosting;

namespace EcoEnforce.Web.Tests.Infrastructure;

/// <summary>The app with its Serilog events also written as compact JSON to daily files (<c>Logging:FilePath</c>).</summary>
public sealed class LoggedApp : EcoEnforceApp
{
    private readonly string _logDirectory = Directory.CreateTempSubdirectory("ecoenforce-log-").FullName;
    /// <summary>Today's file of the daily rolling log.</summary>
    public string? LogFile => Directory.GetFiles(_logDirectory, "app-*.json").SingleOrDefault();
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:FilePath", Path.Combine(_logDirectory, "app-.json"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_logDirectory, recursive: true);
    }
}

/// <summary>Structured request logs that never carry secrets: a password posted to the login form or the token API,
/// a bearer token, a session cookie or a token in the query string.</summary>
public sealed class LoggingTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_are_logged_as_json_without_passwords_tokens_cookies_or_query_strings()
    {
        var client = app.Anonymous();
        var login = await client.LoginAsync("admin", EcoEnforceApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("EcoEnforce.Auth=", StringComparison.Ordinal)).Split(';')[0]["EcoEnforce.Auth=".Length..];
        var token = await app.Anonymous().TokenAsync("admin", EcoEnforceApp.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().WithBearer(token).GetAsync("/api/v1/inspections", Ct)).StatusCode);
        const string queryToken = "query-secret-7f3a9c";
        await client.GetAsync($"/Inspections?access_token={queryToken}", Ct);

        // Wait for every request of the test to be in the file, the sign-in included (each is written as its response ends).
        var log = await ReadLogAsync(text => text.Contains("\"RequestPath\":\"/Inspections\"", StringComparison.Ordinal)
            && text.Contains("\"RequestPath\":\"/Account/Login\"", StringComparison.Ordinal));
        var events = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(events, e => e.TryGetProperty("RequestMethod", out var m) && m.GetString() == "POST"
            && e.GetProperty("RequestPath").GetString() == "/Account/Login" && e.GetProperty("StatusCode").GetInt32() == 302);
        Assert.Contains(events, e => e.TryGetProperty("UserName", out var u) && u.GetString() == "admin");
        Assert.DoesNotContain(EcoEnforceApp.AdminPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(cookie, log, StringComparison.Ordinal);
        Assert.DoesNotContain(queryToken, log, StringComparison.Ordinal);
    }

    /// <summary>The request event is written as the response completes; wait briefly for the last one.</summary>
    private async Task<string> ReadLogAsync(Func<string, bool> complete)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (app.LogFile is null && attempt < 50)
            {
                await Task.Delay(100, Ct);
                continue;
            }
            await using var stream = new FileStream(app.LogFile!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var text = await new StreamReader(stream).ReadToEndAsync(Ct);
            if (complete(text) || attempt == 50) return text;
            await Task.Delay(100, Ct);
        }
    }
}
