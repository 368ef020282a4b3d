using System.Net;
using System.Net.Http.Json;
using EcoEnforce.Accounts;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EcoEnforce.Web.Tests;

/// <summary>Sign-in and session controls: per-address login limit, password policy, idle and absolute session expiry,
/// and sign-out invalidating copies of the cookie.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task Sign_in_attempts_from_one_address_past_the_limit_get_429_in_chinese_on_the_form_and_the_token_endpoint()
    {
        App.SkipIfUnavailable();
        using var limited = App.WithWebHostBuilder(b => b.UseSetting("Login:AttemptsPerMinute", "3"));
        var client = limited.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.LoginAsync("nobody-here", "Wrong-Passw0rd-1");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode); // the form again, with its message
        }
        // Showing the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login", Ct)).StatusCode);
        var refused = await client.LoginAsync("admin", EcoEnforceApp.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("访问过于频繁", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = EcoEnforceApp.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_password_under_ten_characters_is_refused_in_chinese_when_created_and_when_changed()
    {
        App.SkipIfUnavailable();
        var created = await App.WithScopeAsync(sp => sp.GetRequiredService<CreateUser.Handler>()
            .HandleAsync(new CreateUser.Command("shortpw1", "短密码", Roles.Viewer, null, "Abc-12345"), Ct));
        Assert.False(created.Succeeded);
        Assert.Contains(created.Errors, e => e.Message == "密码至少需要10个字符");

        var (user, password) = await App.CreateUserAsync(Roles.Viewer);
        var client = await SignedInAsync(user, password);
        var changed = await client.PostFormAsync("/Account/ChangePassword", new() { ["Current"] = password, ["New"] = "Abc-12345" });
        Assert.Contains("密码至少需要10个字符", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().LoginAsync(user, password)).StatusCode); // unchanged
    }

    /// <summary>A browser whose cookie jar the test can read, signed in as a fresh officer.</summary>
    private async Task<(HttpClient Browser, CookieContainer Jar)> BrowserAsync()
    {
        App.SkipIfUnavailable();
        var (user, password) = await App.CreateUserAsync(Roles.Inspector);
        var jar = new CookieContainer();
        var browser = App.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync(user, password)).StatusCode);
        return (browser, jar);
    }

    /// <summary>The session cookie re-issued with its ticket changed, as if it were presented at another time.</summary>
    private string Reissued(CookieContainer jar, Action<Microsoft.AspNetCore.Authentication.AuthenticationTicket> change)
    {
        var format = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var ticket = format.Unprotect(jar.GetCookies(new Uri("http://localhost"))["EcoEnforce.Auth"]!.Value)!;
        change(ticket);
        return format.Protect(ticket);
    }

    private async Task<string> AnswerWithCookieAsync(string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Inspections");
        request.Headers.Add("Cookie", "EcoEnforce.Auth=" + cookie);
        using var response = await App.CreateDefaultClient().SendAsync(request, Ct);
        return Authorization.AccessMatrix.Answer(response);
    }

    [Fact]
    public async Task Signing_out_makes_every_copy_of_the_session_cookie_worthless_at_its_next_stamp_check()
    {
        var (browser, jar) = await BrowserAsync();
        // The copy is presented after the stamp check interval, so the check runs.
        var copy = Reissued(jar, t => t.Properties.IssuedUtc -= AccountOptions.StampCheckInterval + TimeSpan.FromMinutes(1));
        Assert.Equal("200", await AnswerWithCookieAsync(copy));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/Account/Logout", [], formPage: "/")).StatusCode);
        Assert.Equal("login", await AnswerWithCookieAsync(copy));
    }

    [Fact]
    public async Task A_session_ends_after_its_idle_timeout_and_twelve_hours_after_sign_in_however_busy()
    {
        var (_, jar) = await BrowserAsync();
        var now = DateTimeOffset.UtcNow;
        string SignedInAgo(TimeSpan ago) => Reissued(jar, t => t.Properties.Items[AuthenticationSetup.SignedInAtKey] =
            (now - ago).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("200", await AnswerWithCookieAsync(SignedInAgo(AccountOptions.SessionLifetime - TimeSpan.FromMinutes(5))));
        Assert.Equal("login", await AnswerWithCookieAsync(SignedInAgo(AccountOptions.SessionLifetime + TimeSpan.FromMinutes(5))));
        Assert.Equal("login", await AnswerWithCookieAsync(Reissued(jar, t => t.Properties.ExpiresUtc = now.AddMinutes(-1))));
        Assert.True(AccountOptions.IdleTimeout <= TimeSpan.FromHours(2));
        Assert.Equal(AccountOptions.IdleTimeout, App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan);
    }
}
