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

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task An_old_value_is_served_at_once_while_one_refresh_runs_and_the_new_value_follows()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var clock = new Clock();
        var refresh = new TaskCompletionSource<int>();
        var calls = 0;
        Task<int> Compute() => Interlocked.Increment(ref calls) == 1 ? Task.FromResult(1) : refresh.Task;
        Task<int> Get() => SingleFlight.GetOrRefreshAsync(cache, "key", TimeSpan.FromSeconds(30), clock, Compute);

        Assert.Equal(1, await Get());
        clock.Now += TimeSpan.FromSeconds(10);
        Assert.Equal(1, await Get());
        Assert.Equal(1, calls);

        clock.Now += TimeSpan.FromSeconds(30);
        var during = await Task.WhenAll(Get(), Get(), Get());
        Assert.All(during, v => Assert.Equal(1, v)); // the old value, without waiting
        refresh.SetResult(2);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Get() != 2 && DateTime.UtcNow < deadline) await Task.Yield();
        Assert.Equal(2, await Get());
        Assert.Equal(2, calls); // one refresh, however many calls came while it ran
    }
}
