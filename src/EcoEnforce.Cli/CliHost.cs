using EcoEnforce.Accounts;
using EcoEnforce.Auditing;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcoEnforce.Cli;

/// <summary>The services the commands share, configured exactly like the web app: same environment variables,
/// same database, same accounts rules. Audit entries name the operating-system user.</summary>
internal static class CliHost
{
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(b => b.AddConfiguration(config.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddEcoEnforceDatabase(config);
        services.AddSingleton<IActor>(new FixedActor($"cli:{Environment.UserName}"));
        services.AddIdentityCore<AppUser>(AccountOptions.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EcoEnforceDb>()
            .AddErrorDescriber<ChineseIdentityErrors>();
        services.AddEcoEnforceFeatures();
        return services.BuildServiceProvider();
    }

    public static IProgress<string> ConsoleProgress() =>
        new SynchronousProgress(message => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}"));

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
