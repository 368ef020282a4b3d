using EcoEnforce.Common;
using Microsoft.Extensions.Caching.Memory;

namespace EcoEnforce.Core.Tests.Common;

public sealed class SingleFlightTests
{
    [Fact]
    public async Task Callers_arriving_together_share_one_computation()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var computed = 0;
        var release = new TaskCompletionSource<int>();
        var callers = Enumerable.Range(0, 20).Select(_ => SingleFlight.GetOrCreateAsync(cache, "key", _ => { }, () =>
        {
            Interlocked.Increment(ref computed);
            return release.Task;
        })).ToList();
        release.SetResult(42);
        Assert.All(await Task.WhenAll(callers), v => Assert.Equal(42, v));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SingleFlight.GetOrCreateAsync<int>(cache, "key", _ => { }, () => Task.FromException<int>(new InvalidOperationException())));
        Assert.Equal(7, await SingleFlight.GetOrCreateAsync(cache, "key", _ => { }, () => Task.FromResult(7)));
    }
}
