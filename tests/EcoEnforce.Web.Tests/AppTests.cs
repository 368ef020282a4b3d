using EcoEnforce.Web.Tests.Infrastructure;

namespace EcoEnforce.Web.Tests;

/// <summary>HTTP tests of the whole app. Each runs on SQLite and on PostgreSQL through the two concrete classes
/// below; the concerns live in partial files (AppTests.*.cs).</summary>
public abstract partial class AppTests<TApp>(TApp app) where TApp : EcoEnforceApp
{
    protected TApp App { get; } = app;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<HttpClient> SignedInAsync(string userName = "admin", string password = EcoEnforceApp.AdminPassword)
    {
        App.SkipIfUnavailable();
        var client = App.Anonymous();
        var response = await client.LoginAsync(userName, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected async Task<HttpClient> ApiAsync(string userName = "admin", string password = EcoEnforceApp.AdminPassword)
    {
        App.SkipIfUnavailable();
        var client = App.Anonymous();
        return client.WithBearer(await client.TokenAsync(userName, password));
    }
}

public sealed class SqliteAppTests(SqliteApp app) : AppTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresAppTests(PostgresApp app) : AppTests<PostgresApp>(app), IClassFixture<PostgresApp>;
