using EcoEnforce.Common;
using EcoEnforce.Monitoring.Leads;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Turns arriving monitoring data into leads: every hour the last 72 hours (late packets included), and once a
/// night after 02:00 Beijing time the last 31 days (slow signatures such as limit bunching need a long window).
/// <c>Leads:Enabled=false</c> switches it off; a full history scan is the CLI's <c>monitoring scan</c>.</summary>
public sealed class LeadScanService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<LeadScanService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Leads:Enabled", true)) return;
        var interval = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Leads:ScanIntervalMinutes", 60)));
        DateOnly? lastNightly = null;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = ChinaTime.Today(clock);
            var nightly = lastNightly != today && ChinaTime.ToChina(now).Hour >= 2;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var scanner = scope.ServiceProvider.GetRequiredService<LeadScanner>();
                var added = await scanner.ScanAsync(now - (nightly ? TimeSpan.FromDays(31) : TimeSpan.FromHours(72)), now, null, null, stoppingToken);
                if (nightly) lastNightly = today;
                if (added > 0) logger.LogInformation("Lead scan ({Kind}) found {Count} new leads", nightly ? "nightly" : "hourly", added);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed scan must not stop the service; the next tick tries again.
                logger.LogError(e, "Lead scan failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
