using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EcoEnforce.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add X --project src/EcoEnforce.Migrations.Sqlite</c> build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EcoEnforceDb>
{
    public EcoEnforceDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EcoEnforceDb>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.SqliteMigrations))
            .Options);
}
