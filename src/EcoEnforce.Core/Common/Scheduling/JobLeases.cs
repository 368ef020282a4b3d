using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Common.Scheduling;

/// <summary>Runs each periodic job on one node per interval when several app instances share a database. Claiming is a
/// single conditional UPDATE — the row is free (its lease expired) and the job is due — so of two nodes claiming at once
/// exactly one changes the row (PostgreSQL re-checks the condition on the row the other just updated; SQLite writes
/// one at a time). A node that dies mid-run holds the lease only until <c>maxRun</c> ends.</summary>
public sealed class JobLeases(EcoEnforceDb db, TimeProvider clock)
{
    public const string LeadScan = "lead-scan", NightlyLeadScan = "lead-scan-nightly", ReadingCompaction = "reading-compaction";
    public static readonly string[] Jobs = [LeadScan, NightlyLeadScan, ReadingCompaction];

    /// <summary>This process, as lease holder.</summary>
    public static readonly string Node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>True when this node may run <paramref name="job"/> now: nobody holds it and its last run finished before
    /// <paramref name="lastRunBefore"/> (an hour ago for an hourly job, today's 02:00 for a nightly one).</summary>
    public async Task<bool> TryClaimAsync(string job, DateTime lastRunBefore, TimeSpan maxRun, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.JobLeases
            .Where(j => j.Name == job && j.LeasedUntilUtc <= now && (j.LastRunUtc == null || j.LastRunUtc < lastRunBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Holder, Node).SetProperty(j => j.LeasedUntilUtc, now + maxRun), ct);
        return claimed == 1;
    }

    /// <summary>Records the run and frees the lease. A failed run is recorded too: it is retried at the next interval,
    /// not by every node at once.</summary>
    public Task CompleteAsync(string job, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.JobLeases.Where(j => j.Name == job && j.Holder == Node)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastRunUtc, now).SetProperty(j => j.LeasedUntilUtc, now).SetProperty(j => j.Holder, (string?)null), ct);
    }

    /// <summary>Claims, runs and completes <paramref name="job"/>; false when another node has it or it is not due.</summary>
    public async Task<bool> RunIfDueAsync(string job, DateTime lastRunBefore, TimeSpan maxRun, Func<Task> run, CancellationToken ct)
    {
        if (!await TryClaimAsync(job, lastRunBefore, maxRun, ct)) return false;
        try
        {
            await run();
        }
        finally
        {
            await CompleteAsync(job, CancellationToken.None);
        }
        return true;
    }
}
