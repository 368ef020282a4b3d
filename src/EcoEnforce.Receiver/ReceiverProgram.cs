using EcoEnforce.Auditing;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcoEnforce.Receiver;

/// <summary>The receiver alone: more of these can run beside the web app on a shared PostgreSQL database, each taking
/// data loggers on its own port. It never changes the schema — the web app owns migrations — and refuses to start
/// on a database that is not current.</summary>
public static class ReceiverProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddEcoEnforceLogging();
        builder.Services.AddEcoEnforceDatabase(builder.Configuration);
        builder.Services.AddSingleton<IActor>(new FixedActor("receiver"));
        builder.Services.AddScoped<ReadingStore>();
        builder.Services.AddHj212Receiver(builder.Configuration);
        var options = builder.Configuration.GetSection(ReceiverOptions.Section).Get<ReceiverOptions>() ?? new ReceiverOptions();
        builder.WebHost.ConfigureKestrel(k => k.ListenHj212(options));
        var app = builder.Build();

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var pending = await db.Database.GetPendingMigrationsAsync();
            if (pending.Any())
            {
                app.Logger.LogCritical("The database is not current ({Count} pending migrations); start the web app or run `ecoenforce db migrate` first", pending.Count());
                return 1;
            }
        }
        await app.RunAsync();
        return 0;
    }
}
