using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Requests counted per client address in fixed one-minute windows; past the limit the client gets 429 with
/// Retry-After and a Chinese message (a page for people, ProblemDetails for the API).
/// The public site, being anonymous, is limited as a whole (<c>PublicSite:RequestsPerMinute</c>, default 120).
/// Sign-in attempts — the login form's POST and the token endpoint — have their own budget
/// (<c>Login:AttemptsPerMinute</c>, default 20: a whole office behind one NAT address signs in at 8:30), on top of the
/// per-account lockout (<see cref="EcoEnforce.Accounts.AccountOptions"/>), which stops guessing one password but not
/// trying one password on many accounts.</summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Message = "访问过于频繁，请稍后再试。";

    public static IServiceCollection AddEcoEnforceRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var publicPerMinute = config.GetValue("PublicSite:RequestsPerMinute", 120);
        var loginPerMinute = config.GetValue("Login:AttemptsPerMinute", 20);
        return services.AddRateLimiter(o =>
        {
            // Signed-in staff are not limited: they are few and known.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/public", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => PerMinute(publicPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            // Showing the login form costs nothing; only attempts count.
            o.AddPolicy(Login, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => PerMinute(loginPerMinute))
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(Message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
                    return;
                }
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>访问过于频繁</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>"
                    + $"<body><main><h1>访问过于频繁</h1><p>{Message}</p><p><a href=\"/\">返回首页</a></p></main></body></html>", ct);
            };
        });
    }

    /// <summary>The client's address as the forwarded-headers middleware left it (the proxy's client, not the proxy).</summary>
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
