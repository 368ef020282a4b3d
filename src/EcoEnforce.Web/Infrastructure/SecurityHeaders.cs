using Microsoft.AspNetCore.HttpOverrides;

namespace EcoEnforce.Web.Infrastructure;

public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Everything is served from this origin (no CDN), so the policy can be strict: no inline script,
    /// no framing, no third-party anything. The headers are set as the response starts, so error pages, 401s and
    /// 429s written after an exception handler cleared the response carry them too. HSTS is sent only over HTTPS
    /// (directly or as told by the reverse proxy): over plain HTTP it would be ignored, and on an HTTP-only intranet
    /// install it must not pin anything.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        await next();
    });

    /// <summary>Behind a reverse proxy that ends TLS, X-Forwarded-Proto/-For are believed only from the proxies named in
    /// <c>ForwardedHeaders:KnownProxies</c> (default: this machine), so a client cannot claim HTTPS or another address
    /// (the login and public rate limits count per address).</summary>
    public static IServiceCollection AddEcoEnforceForwardedHeaders(this IServiceCollection services, IConfiguration config) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
}
