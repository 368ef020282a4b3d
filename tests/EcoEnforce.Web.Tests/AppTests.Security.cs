using System.Net;
using System.Net.Http.Json;
using EcoEnforce.Accounts;
using EcoEnforce.Auditing;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

public abstract partial class AppTests<TApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Plans")]
    [InlineData("/Plans/1")]
    [InlineData("/Registry")]
    [InlineData("/Registry/Import?handler=Template")]
    [InlineData("/Places")]
    [InlineData("/Admin/Users")]
    [InlineData("/Complaints")]
    [InlineData("/Complaints/HotSpots")]
    [InlineData("/Complaints/Import")]
    [InlineData("/Reports/Roster")]
    [InlineData("/Ledger")]
    [InlineData("/Inspections")]
    [InlineData("/Draws")]
    [InlineData("/Draws/Rules")]
    public async Task Every_staff_page_sends_an_anonymous_visitor_to_the_login(string url)
    {
        App.SkipIfUnavailable();
        var response = await App.Anonymous().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/plans")]
    [InlineData("/api/v1/plans/1")]
    [InlineData("/api/v1/entities")]
    [InlineData("/api/v1/inspections")]
    [InlineData("/api/v1/problems")]
    [InlineData("/api/v1/complaints")]
    [InlineData("/api/v1/draws/1")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_api_route_answers_401_without_a_token(string url)
    {
        App.SkipIfUnavailable();
        var response = await App.Anonymous().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_and_the_public_portal_need_no_login()
    {
        App.SkipIfUnavailable();
        var client = App.Anonymous();
        Assert.Equal("Healthy", await client.GetStringAsync("/health", Ct));
        var portal = await client.GetStringAsync("/public", Ct);
        Assert.Contains("涪陵区2022年生态环境执法现场检查计划", portal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        App.SkipIfUnavailable();
        var response = await App.Anonymous().GetAsync("/Account/Login", Ct);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_administrator_has_the_configured_password_and_no_default_exists()
    {
        App.SkipIfUnavailable();
        var admin = await App.Anonymous().LoginAsync("admin", EcoEnforceApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        var guessed = await App.Anonymous().LoginAsync("admin", "admin");
        Assert.Equal(HttpStatusCode.OK, guessed.StatusCode);
        Assert.Contains("用户名或密码错误", await guessed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_get_one_generic_message_and_lock_the_account_after_five()
    {
        App.SkipIfUnavailable();
        var (user, password) = await App.CreateUserAsync(Roles.Inspector);
        var unknown = await App.Anonymous().LoginAsync("nobody-" + user, "whatever-Passw0rd");
        var known = await App.Anonymous().LoginAsync(user, "wrong-Passw0rd");
        Assert.Contains("用户名或密码错误", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("用户名或密码错误", await known.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        for (var i = 0; i < 4; i++) await App.Anonymous().LoginAsync(user, "wrong-Passw0rd");
        var locked = await App.Anonymous().LoginAsync(user, password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("账号已暂时锁定", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var tokenWhileLocked = await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username = user, password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenWhileLocked.StatusCode);
    }

    [Fact]
    public async Task A_liaison_officer_cannot_read_the_registry()
    {
        var (user, password) = await App.CreateUserAsync(Roles.Liaison);
        var api = await ApiAsync(user, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/entities", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/plans", Ct)).StatusCode);
        var browser = await SignedInAsync(user, password);
        var page = await browser.GetAsync("/Registry", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_reach_user_management()
    {
        var (user, password) = await App.CreateUserAsync(Roles.SectionChief);
        var client = await SignedInAsync(user, password);
        var response = await client.GetAsync("/Admin/Users", Ct);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        var client = await SignedInAsync();
        var response = await client.PostAsync("/Plans/1?handler=Copy", new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = "2097" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var created = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Plans.AnyAsync(p => p.Year == 2097, Ct));
        Assert.False(created);
    }

    [Fact]
    public async Task Creating_a_user_is_in_the_audit_trail_with_the_password_hash_masked()
    {
        var client = await SignedInAsync();
        var response = await client.PostFormAsync("/Admin/Users?handler=Create", new()
        {
            ["Input.UserName"] = "audited1", ["Input.DisplayName"] = "审计测试", ["Input.Role"] = Roles.Viewer, ["Input.Password"] = "Audit-Passw0rd-1",
        }, formPage: "/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entries = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().AuditEntries
            .Where(a => a.EntityType == nameof(AppUser) && a.After!.Contains("audited1")).ToListAsync(Ct));
        var entry = Assert.Single(entries, e => e.Action == "新增");
        Assert.Equal("admin", entry.Actor);
        Assert.Contains("\"PasswordHash\":\"***\"", entry.After, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(entry.EntityKey) || entry.EntityKey.StartsWith('-'), entry.EntityKey);
        var page = await client.GetStringAsync("/Admin/Audit?EntityType=AppUser", Ct);
        Assert.Contains($"用户 #{entry.EntityKey}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_record_gets_a_chinese_404_page_and_the_api_a_404_problem()
    {
        var client = await SignedInAsync();
        var page = await client.GetAsync("/Registry/987654", Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("页面不存在", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var api = await ApiAsync();
        var response = await api.GetAsync("/api/v1/entities/987654", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
