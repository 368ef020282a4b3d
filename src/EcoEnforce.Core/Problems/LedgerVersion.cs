using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using EcoEnforce.Common;
using Microsoft.Extensions.Caching.Memory;

namespace EcoEnforce.Problems;

/// <summary>The ledger's version: every change to a problem — opened, a measure, a rectification, a follow-up —
/// appends to its timeline (<see cref="ProblemRules.Record"/>), so the newest timeline entry's id moves whenever any
/// total could. Aggregates over a year of problems are cached under it and stay exact: the next change is a new key.
/// The version is read from the database on every use, so several nodes never serve each other's stale totals.</summary>
public static class LedgerVersion
{
    public static async Task<long> GetAsync(EcoEnforceDb db, CancellationToken ct) =>
        await db.ProblemEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;

    /// <summary>The value for <paramref name="key"/> at the current version, computed once per version per node
    /// (<see cref="SingleFlight"/>: <paramref name="compute"/> gets no cancellation token, as every caller awaits it).</summary>
    public static async Task<T> CachedAsync<T>(IMemoryCache cache, EcoEnforceDb db, object key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var version = await GetAsync(db, ct);
        return await SingleFlight.GetOrCreateAsync(cache, (nameof(LedgerVersion), key, version),
            entry => entry.SlidingExpiration = TimeSpan.FromMinutes(10), () => compute(CancellationToken.None));
    }
}
