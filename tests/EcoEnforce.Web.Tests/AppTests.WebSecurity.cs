using System.Net;
using System.Text.RegularExpressions;
using EcoEnforce.Data;
using EcoEnforce.Web.Tests.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>Web security controls (docs/security.md): forms, output encoding, headers, CSV injection.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task Every_post_form_on_every_page_carries_an_antiforgery_token_and_no_page_has_inline_script_or_style()
    {
        var data = await MatrixDataAsync(quarter: 1);
        var admin = await SignedInAsync();
        var pages = (await RouteInventory.ListAsync(App.Services))
            .Where(r => r.Method == "GET" && r.Handler is null && r.Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null).ToList();
        var forms = 0;
        var problems = new List<string>();
        foreach (var page in pages)
        {
            var url = RouteInventory.Url(page.Pattern, name => data.Value(page.Pattern, name));
            using var response = await admin.GetAsync(url, Ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync(Ct);
            foreach (Match form in FormPattern().Matches(html))
            {
                if (!PostMethodPattern().IsMatch(form.Groups["open"].Value)) continue;
                forms++;
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                    problems.Add($"{url}: form without a token: {form.Groups["open"].Value}");
            }
            problems.AddRange(InlineScriptPattern().Matches(html).Select(m => $"{url}: inline script or handler: {m.Value}"));
            problems.AddRange(InlineStylePattern().Matches(html).Select(m => $"{url}: inline style (blocked by the CSP): {m.Value}"));
        }
        Assert.True(forms > 20, $"only {forms} post forms found: is the crawl reaching the pages?");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"(?<open><form\b[^>]*>).*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"\bmethod\s*=\s*""?post", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethodPattern();

    /// <summary>A script element without src (JSON data blocks excepted), or an on* event attribute.</summary>
    [GeneratedRegex(@"<script\b(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>|<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptPattern();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=|<style\b", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStylePattern();

    private const string ScriptName = "<script>alert(1)</script>涪陵某化工（示例）";

    [Fact]
    public async Task An_entity_named_like_a_script_is_text_on_pages_in_json_in_exports_and_on_the_public_site()
    {
        var client = await SignedInAsync();
        var form = await EntityFormAsync(ScriptName);
        var created = await client.PostFormAsync("/Registry/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        const string encoded = "&lt;script&gt;alert(1)&lt;/script&gt;";

        foreach (var page in new[] { $"/Registry/{id}", "/Registry?Query=" + Uri.EscapeDataString("alert(1)"), $"/Registry/Edit/{id}" })
        {
            var html = await client.GetStringAsync(page, Ct);
            Assert.Contains(encoded, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        }
        var api = await ApiAsync();
        foreach (var json in new[] { $"/api/v1/entities/{id}", "/api/v1/map/layers" })
        {
            var body = await api.GetStringAsync(json, Ct);
            Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
            Assert.Contains("\\u003Cscript\\u003E", body, StringComparison.Ordinal);
        }
        var export = await client.GetByteArrayAsync("/Registry/Export?Query=" + Uri.EscapeDataString("alert(1)"), Ct);
        Assert.Contains(ScriptName, Infrastructure.OfficeFiles.XlsxTexts(export));
        Assert.Empty(Infrastructure.OfficeFiles.XlsxFormulas(export));
    }

    [Fact]
    public async Task The_public_site_shows_a_script_name_as_text_and_its_csv_neutralises_formulas()
    {
        App.SkipIfUnavailable();
        const string name = "=HYPERLINK(\"http://x\")" + ScriptName;
        var id = await App.WithScopeAsync(sp => SampleData.PublishedAsync(sp.GetRequiredService<EcoEnforceDb>(), name, Ct));
        var visitor = App.Anonymous();
        foreach (var page in new[] { $"/public/items/{id}", "/public/results", "/public/feed.atom" })
        {
            var body = await visitor.GetStringAsync(page, Ct);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)", body, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script>", await visitor.GetStringAsync("/public/data/results.json", Ct), StringComparison.Ordinal);

        var csv = await visitor.GetStringAsync("/public/data/results.csv", Ct);
        var row = csv.Split("\r\n").Single(l => l.StartsWith($"\"{id}\",", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")<script>", row, StringComparison.Ordinal);
        var fields = row.Split("\",\"");
        Assert.DoesNotContain(fields, f => f.Trim('"') is { Length: > 0 } text && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers_and_hsts_only_over_https()
    {
        App.SkipIfUnavailable();
        var anonymous = App.Anonymous();
        foreach (var url in new[] { "/css/site.css", "/no-such-page", "/api/v1/no-such-route", "/public", "/health" })
        {
            using var response = await anonymous.GetAsync(url, Ct);
            Assert.Equal(Web.Infrastructure.SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), url);
        }
        Assert.DoesNotContain("'unsafe-inline'", Web.Infrastructure.SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);

        async Task<bool> HstsAsync(string scheme, string? forwardedProto, string remote)
        {
            var context = await App.Server.SendAsync(c =>
            {
                c.Request.Method = "GET";
                c.Request.Scheme = scheme;
                c.Request.Path = "/Account/Login";
                c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
                if (forwardedProto is not null) c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }, Ct);
            Assert.Equal(200, context.Response.StatusCode);
            return context.Response.Headers.StrictTransportSecurity.Count > 0;
        }
        Assert.True(await HstsAsync("https", null, "10.20.30.40"));
        Assert.False(await HstsAsync("http", null, "127.0.0.1"));
        Assert.True(await HstsAsync("http", "https", "127.0.0.1")); // TLS ends at the reverse proxy on this machine
        Assert.False(await HstsAsync("http", "https", "10.20.30.40")); // a client cannot claim it
    }
}
