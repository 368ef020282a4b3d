using System.Diagnostics;
using System.Globalization;
using EcoEnforce.Auditing;
using EcoEnforce.Data;
using EcoEnforce.Hj212;
using EcoEnforce.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Bench;

/// <summary>
/// The store alone (<c>--store</c>): 8-pollutant minute packets written by <see cref="ReadingStore"/> in
/// batches into a fresh SQLite database in a temporary directory, as the receiver's writer does. Prints readings/s per
/// round, so the writer's per-row cost can be read apart from sockets and parsing.
/// </summary>
public static class StoreLoad
{
    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var rounds = int.Parse(Arg("--rounds", "5"), CultureInfo.InvariantCulture);
        var packetsPerRound = int.Parse(Arg("--packets", "20000"), CultureInfo.InvariantCulture);
        var batchSize = int.Parse(Arg("--batch", "1000"), CultureInfo.InvariantCulture);
        var dir = Directory.CreateTempSubdirectory("ecoenforce-store-bench").FullName;
        try
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ECOENFORCE_DATA_DIR"] = dir,
                ["ECOENFORCE_DEMO"] = "false",
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(config);
            services.AddLogging();
            services.AddEcoEnforceDatabase(config);
            services.AddSingleton<IActor>(new FixedActor("bench"));
            services.AddScoped<ReadingStore>();
            await using var provider = services.BuildServiceProvider();
            await using (var scope = provider.CreateAsyncScope())
            {
                // Schema only (as the app's first start would migrate it), in WAL mode like the app.
                var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            for (var round = 0; round < rounds; round++)
            {
                var packets = Enumerable.Range(0, packetsPerRound)
                    .Select(i => new ReceivedFrame(DateTime.UtcNow, "127.0.0.1:1",
                        ReceiverLoad.Packet($"66{round:D4}{i % 100:D8}", i / 100, ack: true), Hj212Terminator.CrLf))
                    .ToList();
                var watch = Stopwatch.StartNew();
                var readings = 0;
                foreach (var batch in packets.Chunk(batchSize))
                {
                    await using var scope = provider.CreateAsyncScope();
                    readings += await scope.ServiceProvider.GetRequiredService<ReadingStore>().StoreAsync(batch, null, CancellationToken.None);
                }
                watch.Stop();
                Console.WriteLine($"round {round + 1}: {packetsPerRound} packets, {readings} readings in {watch.Elapsed.TotalSeconds:F2} s " +
                                  $"= {readings / watch.Elapsed.TotalSeconds:F0} readings/s ({watch.Elapsed.TotalMicroseconds / readings:F1} µs per reading)");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
