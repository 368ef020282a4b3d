using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace EcoEnforce.Receiver;

/// <summary>Serilog for both hosts (the web app and a standalone receiver): levels from the usual
/// <c>Logging:LogLevel</c> section, text or compact JSON (<c>Logging:Format=json</c>, one event per line for a log
/// shipper) on the console, compact JSON files (<c>Logging:FilePath</c>), and any further sinks from a <c>Serilog</c> section. Events carry no request bodies,
/// query strings, headers or cookies — only what the code logs and the request line's path.</summary>
public static class EcoEnforceLogging
{
    public static IHostApplicationBuilder AddEcoEnforceLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => Configure(logger, builder.Configuration));
        return builder;
    }

    private static void Configure(LoggerConfiguration logger, IConfiguration config)
    {
        var levels = config.GetSection("Logging:LogLevel");
        logger.MinimumLevel.Is(Level(levels["Default"]) ?? LogEventLevel.Information);
        foreach (var category in levels.GetChildren().Where(c => c.Key != "Default"))
            if (Level(category.Value) is { } level) logger.MinimumLevel.Override(category.Key, level);
        logger.Enrich.FromLogContext();
        if (config.GetValue("Logging:Console", true))
        {
            if (string.Equals(config["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
        }
        // Compact JSON in daily files (app-20261129.json for Logging:FilePath=app-.json), a month kept.
        if (config["Logging:FilePath"] is { Length: > 0 } path)
            logger.WriteTo.File(new CompactJsonFormatter(), path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31);
        // Named assemblies, not a scan of the entry assembly's dependencies (which finds nothing under a test host).
        logger.ReadFrom.Configuration(config, new Serilog.Settings.Configuration.ConfigurationReaderOptions(
            typeof(LoggerConfiguration).Assembly, typeof(ConsoleLoggerConfigurationExtensions).Assembly,
            typeof(FileLoggerConfigurationExtensions).Assembly, typeof(CompactJsonFormatter).Assembly));
    }

    /// <summary>Microsoft.Extensions.Logging level names as Serilog levels; None silences the category.</summary>
    private static LogEventLevel? Level(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "information" => LogEventLevel.Information,
        "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "critical" => LogEventLevel.Fatal,
        "none" => LogEventLevel.Fatal + 1,
        _ => null,
    };
}
