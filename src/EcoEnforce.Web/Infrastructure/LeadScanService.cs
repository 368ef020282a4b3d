using EcoEnforce.Common;
using EcoEnforce.Common.Scheduling;
using EcoEnforce.Monitoring.Leads;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Turns arriving monitoring data into leads: every hour the last 72 hours (late packets included), and once a
/// night after 02:00 Beijing time the last 31 days (slow signatures such as limit bunching need a long window).
/// With several nodes on one database each scan runs on one of them (<see cref="JobLeases"/>).
/// <c>Leads:Enabled=false</c> switches it off; a full history scan is the CLI's <c>monitoring scan</c>.</summary>
public sealed class LeadScanService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<LeadScanService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRun = TimeSpan.FromHours(2);
    /// <summary>A tick that comes a little early still counts as an hour later.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Leads:Enabled", true)) return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Leads:ScanIntervalMinutes", 60)));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
                var scanner = scope.ServiceProvider.GetRequiredService<LeadScanner>();
                var now = clock.GetUtcNow().UtcDateTime;
                var tonight = ChinaTime.StartOfDayUtc(ChinaTime.Today(clock)).AddHours(2);
                var ran = now >= tonight && await leases.RunIfDueAsync(JobLeases.NightlyLeadScan, tonight, MaxRun,
                    () => ScanAsync(scanner, now, TimeSpan.FromDays(31), "nightly", stoppingToken), stoppingToken);
                if (!ran)
                    await leases.RunIfDueAsync(JobLeases.LeadScan, now - interval + Slack, MaxRun,
                        () => ScanAsync(scanner, now, TimeSpan.FromHours(72), "hourly", stoppingToken), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed scan must not stop the service; the next tick tries again.
                logger.LogError(e, "Lead scan failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScanAsync(LeadScanner scanner, DateTime now, TimeSpan window, string kind, CancellationToken ct)
    {
        var added = await scanner.ScanAsync(now - window, now, null, null, ct);
        if (added > 0) logger.LogInformation("Lead scan ({Kind}) found {Count} new leads", kind, added);
    }
}
