using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EcoEnforce.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add X --project src/EcoEnforce.Migrations.Postgres</c> build the model for
/// PostgreSQL. No server is contacted when adding a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EcoEnforceDb>
{
    public EcoEnforceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EcoEnforceDb>()
            .UseNpgsql("Host=127.0.0.1;Database=ecoenforce_design", o => o
                .MigrationsAssembly(DatabaseServiceCollectionExtensions.PostgresMigrations)
                .UseNetTopologySuite())
            .Options);
}
