using System.Net;
using EcoEnforce.Accounts;
using EcoEnforce.Common;
using Microsoft.AspNetCore.HttpOverrides;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>OpenTelemetry metrics — ASP.NET Core's request metrics, the runtime's, and the app's own
/// (<see cref="EcoEnforceMetrics"/>) — served in Prometheus text format at /metrics to a scraper on the same host or
/// to a signed-in administrator. Behind a reverse proxy the forwarded client address counts, not the proxy's, so
/// the proxy does not make every visitor "local".</summary>
public static class Telemetry
{
    public const string MetricsPolicy = "Metrics";

    public static IServiceCollection AddEcoEnforceTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("EcoEnforce", serviceVersion: Backups.CreateBackup.AppVersion))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("System.Runtime", EcoEnforceMetrics.MeterName)
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, p => p.RequireAssertion(c =>
            (c.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)) || c.User.IsInRole(Roles.Admin)));

        return services;
    }

    public static IEndpointRouteBuilder MapEcoEnforceMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsPolicy);
        return app;
    }
}
