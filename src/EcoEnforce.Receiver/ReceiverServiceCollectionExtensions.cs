using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoEnforce.Receiver;

public static class ReceiverServiceCollectionExtensions
{
    /// <summary>The queue, the batch writer and the connection handler. The host also needs the database
    /// (<c>AddEcoEnforceDatabase</c>) and <see cref="ListenHj212"/>.</summary>
    public static IServiceCollection AddHj212Receiver(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(ReceiverOptions.Section).Get<ReceiverOptions>() ?? new ReceiverOptions();
        services.AddSingleton(options);
        // The web app has the counters from its features already; a standalone receiver gets them here.
        services.TryAddSingleton<Common.EcoEnforceMetrics>();
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<Hj212ConnectionHandler>();
        services.AddHostedService<IngestWriter>();
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    /// <summary>Adds the HJ 212 TCP endpoint to Kestrel when the receiver is enabled.</summary>
    public static void ListenHj212(this KestrelServerOptions kestrel, ReceiverOptions options)
    {
        if (!options.Enabled) return;
        kestrel.Listen(IPAddress.Parse(options.Address), options.Port, l => l.UseConnectionHandler<Hj212ConnectionHandler>());
    }
}
