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
}
