using EcoEnforce.Auditing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string SqliteMigrations = "EcoEnforce.Migrations.Sqlite";
    public const string PostgresMigrations = "EcoEnforce.Migrations.Postgres";

    /// <summary>Registers <see cref="EcoEnforceDb"/> on the configured provider, with its migration assembly and
    /// the audit trail. Hosts register <see cref="IActor"/>.</summary>
    public static IServiceCollection AddEcoEnforceDatabase(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (config["ECOENFORCE_DEMO"] is { Length: > 0 } demo)
            options.Demo = !string.Equals(demo, "false", StringComparison.OrdinalIgnoreCase) && demo != "0";
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditInterceptor>();

        var connectionString = config.GetConnectionString("EcoEnforce");
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:EcoEnforce is empty.");
            services.AddDbContext<EcoEnforceDb>((sp, o) => o
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrations).UseNetTopologySuite())
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<Places.ISpatialQueries, Places.PostgisSpatialQueries>();
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var dir = DatabaseOptions.DataDirectory(config);
                Directory.CreateDirectory(dir);
                connectionString = new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dir, "ecoenforce.db"),
                    ForeignKeys = true,
                    DefaultTimeout = 30,
                }.ToString();
            }
            services.AddDbContext<EcoEnforceDb>((sp, o) => o
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<Places.ISpatialQueries, Places.InMemorySpatialQueries>();
        }
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
