using EcoEnforce.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Liveness says the process answers (no database involved, so a database outage does not get the app
/// restarted); readiness says it can serve: the database answers and its schema is current. All are anonymous and
/// say only Healthy/Unhealthy; the reasons go to the log.</summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddEcoEnforceHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<EcoEnforceDb>("database", tags: [Ready])
            .AddCheck<PendingMigrationsCheck>("migrations", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapEcoEnforceHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }
}

/// <summary>Unhealthy while migrations are pending: a node started against a database another version migrated (or
/// not yet migrated) must not take traffic.</summary>
public sealed class PendingMigrationsCheck(EcoEnforceDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} pending migrations, first {pending[0]}");
    }
}
