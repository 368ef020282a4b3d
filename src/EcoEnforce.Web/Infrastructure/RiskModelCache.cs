using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Targeting;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>The latest trained risk model, shared by the targeting page, entity pages and the map. Training reads the
/// whole inspection history, so it runs when asked (重新训练) or when the model is older than <see cref="MaxAge"/>, not on
/// every page view. Each node keeps its own copy; training is deterministic, so nodes agree.</summary>
public sealed class RiskModelCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    public sealed record Snapshot(RiskModel? Model, int Inspections, Backtest.Result? Backtest, DateOnly? BacktestTo, DateTime TrainedAtUtc,
        IReadOnlyDictionary<int, (double Risk, int Rank)> Scores);

    private readonly SemaphoreSlim _gate = new(1);
    private Snapshot? _current;

    public async Task<Snapshot> GetAsync(bool retrain, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!retrain && _current is { } fresh && now - fresh.TrainedAtUtc < MaxAge) return fresh;
        await _gate.WaitAsync(ct);
        try
        {
            if (!retrain && _current is { } other && now - other.TrainedAtUtc < MaxAge) return other;
            await using var scope = scopes.CreateAsyncScope();
            var history = await RiskHistory.LoadAsync(scope.ServiceProvider.GetRequiredService<EcoEnforceDb>(), ct);
            var today = ChinaTime.Today(clock);
            var model = RiskModel.Train(history, today);
            DateOnly? last = history.Inspections.Count == 0 ? null : history.Inspections.Max(i => i.On);
            var backtest = model is null || last is null ? null : RiskModel.Evaluate(history, last.Value.AddDays(1));
            var scores = model is null ? new Dictionary<int, (double, int)>()
                : model.Rank(today).Select((s, i) => (s.Entity.Id, s.Risk, Rank: i + 1)).ToDictionary(x => x.Id, x => (x.Risk, x.Rank));
            return _current = new Snapshot(model, history.Inspections.Count, backtest, last, now, scores);
        }
        finally
        {
            _gate.Release();
        }
    }
}
