using Serilog;
using Serilog.Events;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>One event per request: method, path (never the query string, which may carry tokens), status, time, user
/// name and client address. Health probes and metric scrapes go at Debug so they do not drown the log.</summary>
public static class RequestLogging
{
    public static IApplicationBuilder UseEcoEnforceRequestLogging(this IApplicationBuilder app) => app.UseSerilogRequestLogging(o =>
    {
        o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        o.GetLevel = (http, _, error) =>
            error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
            : http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/metrics") ? LogEventLevel.Debug
            : LogEventLevel.Information;
        o.EnrichDiagnosticContext = (diagnostics, http) =>
        {
            diagnostics.Set("UserName", http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null);
            diagnostics.Set("ClientIp", http.Connection.RemoteIpAddress?.ToString());
        };
    });
}
