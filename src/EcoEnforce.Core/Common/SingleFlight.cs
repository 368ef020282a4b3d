using Microsoft.Extensions.Caching.Memory;

namespace EcoEnforce.Common;

/// <summary>A cached value computed once however many requests ask for it at the same moment: when an entry expires
/// under load, the first caller computes it and the others await the same task instead of all counting a million rows
/// at once. A failed computation is not kept. The computation must not depend on one caller's cancellation token:
/// the others await it too.</summary>
public static class SingleFlight
{
    public static async Task<T> GetOrCreateAsync<T>(IMemoryCache cache, object key, Action<ICacheEntry> configure, Func<Task<T>> compute)
    {
        var lazy = cache.GetOrCreate(key, entry =>
        {
            configure(entry);
            return new Lazy<Task<T>>(compute);
        })!;
        try
        {
            return await lazy.Value;
        }
        catch
        {
            cache.Remove(key);
            throw;
        }
    }

    /// <summary>The last value at once, however old: once it is older than <paramref name="lifetime"/> one caller starts
    /// a refresh in the background and everyone keeps getting the old value until the new one is ready. Only the very
    /// first call (or one after a failed first computation) waits. <paramref name="compute"/> must bring its own
    /// database scope, since it may outlive the request that started it; a failed refresh keeps the old value.</summary>
    public static Task<T> GetOrRefreshAsync<T>(IMemoryCache cache, object key, TimeSpan lifetime, TimeProvider clock, Func<Task<T>> compute) =>
        cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromDays(1);
            return new Slot<T>(clock);
        })!.Get(lifetime, compute);

    private sealed class Slot<T>(TimeProvider clock)
    {
        private readonly Lock _gate = new();
        private Task<T>? _current;
        private DateTimeOffset _computedAt;
        private bool _refreshing;

        public Task<T> Get(TimeSpan lifetime, Func<Task<T>> compute)
        {
            lock (_gate)
            {
                if (_current is null || _current.IsFaulted || _current.IsCanceled)
                {
                    _computedAt = clock.GetUtcNow();
                    return _current = compute();
                }
                if (!_refreshing && _current.IsCompletedSuccessfully && clock.GetUtcNow() - _computedAt >= lifetime)
                {
                    _refreshing = true;
                    _ = RefreshAsync(compute);
                }
                return _current;
            }
        }

        private async Task RefreshAsync(Func<Task<T>> compute)
        {
            try
            {
                var value = await Task.Run(compute);
                lock (_gate) (_current, _computedAt) = (Task.FromResult(value), clock.GetUtcNow());
            }
            catch (Exception)
            {
                // Keep serving the old value; the next call after the lifetime tries again.
            }
            finally
            {
                lock (_gate) _refreshing = false;
            }
        }
    }
}
