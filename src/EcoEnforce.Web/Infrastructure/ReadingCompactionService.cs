using EcoEnforce.Monitoring.Archive;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>Every hour, packs the minute and hour rows of days that ended more than <c>Readings:CompactAfterHours</c>
/// (default 48) ago into day chunks, so history is read at memory speed and takes a fraction of the space.
/// <c>Readings:CompactionEnabled=false</c> switches it off. Safe on several nodes at once: each series-day moves in one
/// transaction and a node that loses the race rolls back and leaves it to the winner.</summary>
public sealed class ReadingCompactionService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ReadingCompactionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Readings:CompactionEnabled", true)) return;
        var delay = TimeSpan.FromHours(config.GetValue("Readings:CompactAfterHours", ReadingCompactor.DefaultDelay.TotalHours));
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ReadingCompactor>()
                    .CompactAsync(clock.GetUtcNow().UtcDateTime - delay, stoppingToken);
                if (result.SeriesDays > 0)
                    logger.LogInformation("Compacted {Readings} readings into {Days} series-days", result.Readings, result.SeriesDays);
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
