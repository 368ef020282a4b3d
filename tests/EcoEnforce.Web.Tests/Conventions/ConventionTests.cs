using System.Reflection;
using EcoEnforce.Data;
using EcoEnforce.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests.Conventions;

public sealed class ConventionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new EcoEnforceDb(new DbContextOptionsBuilder<EcoEnforceDb>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.SqliteMigrations)).Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/EcoEnforce.Migrations.Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new EcoEnforceDb(new DbContextOptionsBuilder<EcoEnforceDb>()
            .UseNpgsql("Host=127.0.0.1;Database=unused", o => o.MigrationsAssembly(DatabaseServiceCollectionExtensions.PostgresMigrations).UseNetTopologySuite()).Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/EcoEnforce.Migrations.Postgres");
    }

    /// <summary>The audit page names row types in Chinese; a new table without a label would show its class name.
    /// Machine-received monitoring rows (and their day chunks) are not audited (ADR-004), nor is the audit trail itself.</summary>
    [Fact]
    public void Every_audited_table_has_a_chinese_name_for_the_audit_page()
    {
        using var db = new EcoEnforceDb(new DbContextOptionsBuilder<EcoEnforceDb>().UseSqlite("Data Source=:memory:").Options);
        string[] notAudited = ["AuditEntry", "RawPacket", "Reading", "ReadingChunk", "UnknownDevice", "JobLease"];
        var missing = db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Distinct()
            .Where(name => !notAudited.Contains(name) && !Common.Labels.EntityTypes.ContainsKey(name)).Order().ToList();
        Assert.True(missing.Count == 0, "Add to Labels.EntityTypes: " + string.Join(", ", missing));
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        static IEnumerable<string> Names(string assembly) => Assembly.Load(assembly).GetTypes()
            .Select(t => t.GetCustomAttribute<Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute>()?.Id)
            .OfType<string>().Select(id => id[15..]).Order();
        Assert.Equal(Names(DatabaseServiceCollectionExtensions.SqliteMigrations), Names(DatabaseServiceCollectionExtensions.PostgresMigrations));
    }

    [Fact]
    public void Every_use_case_handler_is_registered()
    {
        var handlers = typeof(EcoEnforceDb).Assembly.GetTypes()
            .Where(t => t is { Name: "Handler", IsNested: true, IsAbstract: false }).ToList();
        Assert.NotEmpty(handlers);
        using var scope = app.Services.CreateScope();
        foreach (var handler in handlers)
            Assert.True(scope.ServiceProvider.GetService(handler) is not null, $"{handler.DeclaringType!.Name}.Handler is not registered in AddEcoEnforceFeatures");
    }
}
