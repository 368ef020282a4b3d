using EcoEnforce.Common.Scheduling;
using EcoEnforce.Monitoring.Archive;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Every hour, packs the minute and hour rows of days that ended more than <c>Readings:CompactAfterHours</c>
/// (default 48) ago into day chunks, so history is read at memory speed and takes a fraction of the space.
/// <c>Readings:CompactionEnabled=false</c> switches it off. With several nodes one of them runs each pass
/// (<see cref="JobLeases"/>); were two to overlap, each series-day still moves in one transaction and the loser rolls back.</summary>
public sealed class ReadingCompactionService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ReadingCompactionService> logger)
    : PeriodicService(scopes, clock, logger)
{
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1), MaxRun = TimeSpan.FromHours(2);

    protected override bool Enabled => config.GetValue("Readings:CompactionEnabled", true);
    protected override TimeSpan Interval => TimeSpan.FromHours(1);
    // Losing a race with another node, or a locked database: the next pass picks the day up again.
    protected override LogLevel FailureLevel => LogLevel.Warning;

    protected override Task RunPassAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct)
    {
        var delay = TimeSpan.FromHours(config.GetValue("Readings:CompactAfterHours", ReadingCompactor.DefaultDelay.TotalHours));
        return services.GetRequiredService<JobLeases>().RunIfDueAsync(JobLeases.ReadingCompaction, nowUtc - Interval + Slack, MaxRun, async () =>
        {
            var result = await services.GetRequiredService<ReadingCompactor>().CompactAsync(nowUtc - delay, ct);
            if (result.SeriesDays > 0)
                logger.LogInformation("Compacted {Readings} readings into {Days} series-days", result.Readings, result.SeriesDays);
        }, ct);
    }
}
