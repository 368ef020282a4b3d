using EcoEnforce.Common;
using EcoEnforce.Common.Scheduling;
using EcoEnforce.Monitoring.Leads;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Turns arriving monitoring data into leads: every hour the last 72 hours (late packets included), and once a
/// night after 02:00 Beijing time the last 31 days (slow signatures such as limit bunching need a long window).
/// With several nodes on one database each scan runs on one of them (<see cref="JobLeases"/>).
/// <c>Leads:Enabled=false</c> switches it off; a full history scan is the CLI's <c>monitoring scan</c>.</summary>
public sealed class LeadScanService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<LeadScanService> logger)
    : PeriodicService(scopes, clock, logger)
{
    private static readonly TimeSpan MaxRun = TimeSpan.FromHours(2);
    /// <summary>A tick that comes a little early still counts as an hour later.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    protected override bool Enabled => config.GetValue("Leads:Enabled", true);
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Leads:ScanIntervalMinutes", 60)));

    protected override async Task RunPassAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct)
    {
        var leases = services.GetRequiredService<JobLeases>();
        var scanner = services.GetRequiredService<LeadScanner>();
        var tonight = ChinaTime.StartOfDayUtc(DateOnly.FromDateTime(ChinaTime.ToChina(nowUtc))).AddHours(2);
        var ran = nowUtc >= tonight && await leases.RunIfDueAsync(JobLeases.NightlyLeadScan, tonight, MaxRun,
            () => ScanAsync(scanner, nowUtc, TimeSpan.FromDays(31), "nightly", ct), ct);
        if (!ran)
            await leases.RunIfDueAsync(JobLeases.LeadScan, nowUtc - Interval + Slack, MaxRun,
                () => ScanAsync(scanner, nowUtc, TimeSpan.FromHours(72), "hourly", ct), ct);
    }

    private async Task ScanAsync(LeadScanner scanner, DateTime now, TimeSpan window, string kind, CancellationToken ct)
    {
        var added = await scanner.ScanAsync(now - window, now, null, null, ct);
        if (added > 0) logger.LogInformation("Lead scan ({Kind}) found {Count} new leads", kind, added);
    }
}
