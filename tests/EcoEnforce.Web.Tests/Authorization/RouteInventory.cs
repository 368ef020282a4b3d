using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests.Authorization;

/// <summary>One thing a client can ask for: a method on a route pattern, for a page optionally a named handler.</summary>
public sealed record AppRoute(string Method, string Pattern, string? Handler, Endpoint Endpoint)
{
    /// <summary>How the access matrix names the route: <c>/Registry/Import?handler=Template</c>.</summary>
    public string Key => Handler is null ? Pattern : $"{Pattern}?handler={Handler}";
}

/// <summary>The app's own route table, read from the running app: Razor Pages with their handler methods, and
/// minimal API endpoints with their HTTP methods. A new page or endpoint shows up here without anyone listing it.</summary>
public static partial class RouteInventory
{
    public static async Task<List<AppRoute>> ListAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<AppRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = Normalise(endpoint.RoutePattern.RawText ?? "");
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // An Index page answers at "/Plans" and "/Plans/Index"; the matrix names the first.
                if (page.ViewEnginePath.EndsWith("/Index", StringComparison.Ordinal) && pattern.EndsWith("Index", StringComparison.Ordinal)) continue;
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                routes.Add(new("GET", pattern, null, endpoint)); // a page renders on GET even without OnGet
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    if (method == "GET" && handler.Name is null) continue;
                    routes.Add(new(method, pattern, handler.Name, endpoint));
                }
            }
            else
            {
                foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    routes.Add(new(method, pattern, null, endpoint));
            }
        }
        return [.. routes.DistinctBy(r => (r.Method, r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>A URL for the pattern, each parameter filled by <paramref name="value"/> (null drops an optional one).</summary>
    public static string Url(string pattern, Func<string, string?> value) =>
        ParameterPattern().Replace(pattern, m => value(m.Groups["name"].Value) ?? (m.Value.EndsWith("?}", StringComparison.Ordinal) ? "" :
            throw new InvalidOperationException($"No sample value for {{{m.Groups["name"].Value}}} in {pattern}"))).TrimEnd('/') is { Length: > 0 } url ? url : "/";

    private static string Normalise(string raw)
    {
        var path = "/" + raw.TrimStart('/');
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)(:[^{}]*)?\??\}")]
    private static partial Regex ParameterPattern();
}
