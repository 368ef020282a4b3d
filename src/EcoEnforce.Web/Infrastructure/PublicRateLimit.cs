using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>The public site is anonymous, so each client address gets a fixed number of requests per minute
/// (<c>PublicSite:RequestsPerMinute</c>, default 120); beyond that it gets 429 with a Chinese message and Retry-After.</summary>
public static class PublicRateLimit
{
    public static IServiceCollection AddPublicRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("PublicSite:RequestsPerMinute", 120);
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (rejected, ct) =>
            {
                rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync("访问过于频繁，请稍后再试。", ct);
            };
        });
    }

    /// <summary>Only the public site is limited; signed-in staff and the API have their own controls.</summary>
    public static IApplicationBuilder UsePublicRateLimit(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/public", StringComparison.OrdinalIgnoreCase), a => a.UseRateLimiter());
}
