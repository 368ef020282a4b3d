using EcoEnforce.Data;
using EcoEnforce.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoEnforce.Web.Tests.Infrastructure;

/// <summary>Readiness fails on a database whose schema is behind the code, as after deploying a new version that has
/// not migrated yet.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task Pending_migrations_make_the_node_not_ready()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ecoenforce-health-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new EcoEnforceDb(new DbContextOptionsBuilder<EcoEnforceDb>()
                .UseSqlite($"Data Source={file}", o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.SqliteMigrations)).Options);
            var result = await new PendingMigrationsCheck(db).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("pending migrations", result.Description, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
