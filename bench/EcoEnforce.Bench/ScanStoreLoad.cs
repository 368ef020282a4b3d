using System.Diagnostics;
using System.Globalization;
using EcoEnforce.Auditing;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Leads;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Bench;

/// <summary><c>--scan-store [--points 4] [--days 7]</c>: the lead scanner as the app runs it, reading minute data for
/// 8 quantities per outlet out of a fresh SQLite database (WAL, migrated like the app) and running every detector.
/// The baseline for the issue-8 target "a year of minute data for 52 units from storage in under 60 s".</summary>
public static class ScanStoreLoad
{
    private static readonly string[] Codes = ["a21026", "a21002", "a34013", "a00000", "a19001", "a01012", "a01013", "a01014"];

    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var points = int.Parse(Arg("--points", "4"), CultureInfo.InvariantCulture);
        var days = int.Parse(Arg("--days", "7"), CultureInfo.InvariantCulture);
        var dir = Directory.CreateTempSubdirectory("ecoenforce-scan-bench").FullName;
        try
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ECOENFORCE_DATA_DIR"] = dir, ["ECOENFORCE_DEMO"] = "false",
            }).Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddLogging().AddSingleton(TimeProvider.System)
                .AddSingleton<IActor>(new FixedActor("bench"));
            services.AddEcoEnforceDatabase(config);
            services.AddScoped<LeadScanner>();
            await using var provider = services.BuildServiceProvider();
            var start = new DateTime(2022, 8, 1, 0, 0, 0, DateTimeKind.Utc);
            var minutes = days * 1440;
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                db.Departments.Add(new Organisation.Department { Name = "测试镇", ShortName = "测试镇", Kind = Organisation.DepartmentKind.Township });
                await db.SaveChangesAsync();
                var township = await db.Departments.Select(d => d.Id).FirstAsync();
                for (var p = 0; p < points; p++)
                {
                    var e = new Registry.Enterprise
                    {
                        Name = $"基准企业{p}", CreditCode = $"91500102MA5U{p:D5}X", Address = "-", TownshipId = township, IndustryCode = "4411",
                    };
                    db.Enterprises.Add(e);
                    await db.SaveChangesAsync();
                    db.MonitoringPoints.Add(new MonitoringPoint { EnterpriseId = e.Id, Mn = $"8888{p:D10}", Name = $"排口{p}", Medium = MonitoringMedium.Air });
                }
                await db.SaveChangesAsync();
            }
            var watch = Stopwatch.StartNew();
            await InsertAsync(Path.Combine(dir, "ecoenforce.db"), points, start, minutes);
            var rows = (long)points * Codes.Length * minutes;
            Console.WriteLine($"inserted {rows:N0} minute readings in {watch.Elapsed.TotalSeconds:F1} s");

            await using (var scope = provider.CreateAsyncScope())
            {
                watch.Restart();
                var leads = await scope.ServiceProvider.GetRequiredService<LeadScanner>().ScanAsync(start, start.AddMinutes(minutes), null, null, CancellationToken.None);
                var seconds = watch.Elapsed.TotalSeconds;
                Console.WriteLine($"scan (read + all detectors + record): {seconds:F2} s, {rows / seconds / 1e6:F2} M readings/s, {leads} leads");
                Console.WriteLine($"one year of 52 × 8 (≈ 219 M readings) at that rate: {219_000_000 / (rows / seconds):F0} s");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Plain prepared inserts in one transaction: the fixture, not what is measured.</summary>
    private static async Task InsertAsync(string path, int points, DateTime start, int minutes)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var tx = connection.BeginTransaction();
        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Readings (Mn, Kind, PollutantCode, DataTimeUtc, Value, Flag, RawPacketId) VALUES ($mn, 'Minute', $code, $t, $v, 'N', 0)";
        var (mn, code, t, v) = (insert.Parameters.Add("$mn", SqliteType.Text), insert.Parameters.Add("$code", SqliteType.Text),
            insert.Parameters.Add("$t", SqliteType.Text), insert.Parameters.Add("$v", SqliteType.Real));
        var random = new Random(1);
        for (var p = 0; p < points; p++)
        {
            mn.Value = $"8888{p:D10}";
            foreach (var c in Codes)
            {
                code.Value = c;
                for (var i = 0; i < minutes; i++)
                {
                    t.Value = start.AddMinutes(i).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                    var cycle = Math.Sin(i * 2 * Math.PI / 1440);
                    v.Value = c switch
                    {
                        "a19001" => 9 + cycle + random.NextDouble() * 0.5,          // O₂ %
                        "a00000" => 50 + 10 * cycle + random.NextDouble() * 2,       // flow
                        "a01012" => 120 + 5 * cycle + random.NextDouble(),           // flue gas °C
                        "a01013" => -0.2 + 0.02 * cycle + random.NextDouble() * 0.01, // kPa
                        "a01014" => 10 + cycle + random.NextDouble() * 0.5,          // humidity %
                        _ => 30 + 10 * cycle + random.NextDouble() * 3,
                    };
                    await insert.ExecuteNonQueryAsync();
                }
            }
        }
        await tx.CommitAsync();
    }
}
