namespace EcoEnforce.Web.Infrastructure;

/// <summary>A background job run on a timer, at start and then every <see cref="Interval"/>, each pass in its own
/// scope. A failed pass is logged and must not stop the service: the next tick tries again.</summary>
public abstract class PeriodicService(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract bool Enabled { get; }
    protected abstract TimeSpan Interval { get; }
    /// <summary>How loudly a failed pass is logged: an expected failure (a race another node won) is only a warning.</summary>
    protected virtual LogLevel FailureLevel => LogLevel.Error;

    protected abstract Task RunPassAsync(IServiceProvider services, DateTime nowUtc, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunPassAsync(scope.ServiceProvider, clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.Log(FailureLevel, e, "{Job} pass failed; the next one tries again", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
