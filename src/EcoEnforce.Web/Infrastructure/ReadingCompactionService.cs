using EcoEnforce.Common.Scheduling;
using EcoEnforce.Monitoring.Archive;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Every hour, packs the minute and hour rows of days that ended more than <c>Readings:CompactAfterHours</c>
/// (default 48) ago into day chunks, so history is read at memory speed and takes a fraction of the space.
/// <c>Readings:CompactionEnabled=false</c> switches it off. With several nodes one of them runs each pass
/// (<see cref="JobLeases"/>); were two to overlap, each series-day still moves in one transaction and the loser rolls back.</summary>
public sealed class ReadingCompactionService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ReadingCompactionService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1), Slack = TimeSpan.FromMinutes(1), MaxRun = TimeSpan.FromHours(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Readings:CompactionEnabled", true)) return;
        var delay = TimeSpan.FromHours(config.GetValue("Readings:CompactAfterHours", ReadingCompactor.DefaultDelay.TotalHours));
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var now = clock.GetUtcNow().UtcDateTime;
                await scope.ServiceProvider.GetRequiredService<JobLeases>().RunIfDueAsync(JobLeases.ReadingCompaction, now - Interval + Slack, MaxRun, async () =>
                {
                    var result = await scope.ServiceProvider.GetRequiredService<ReadingCompactor>().CompactAsync(now - delay, stoppingToken);
                    if (result.SeriesDays > 0)
                        logger.LogInformation("Compacted {Readings} readings into {Days} series-days", result.Readings, result.SeriesDays);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Losing a race with another node, or a locked database: the next pass picks the day up again.
                logger.LogWarning(e, "Reading compaction failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
