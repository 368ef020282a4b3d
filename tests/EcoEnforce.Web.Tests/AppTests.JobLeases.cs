using EcoEnforce.Common.Scheduling;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>Periodic jobs on several nodes sharing a database (<see cref="JobLeases"/>), on both databases. The
/// compaction job is used because the test fixture switches its service off, so nothing else claims it.</summary>
public abstract partial class AppTests<TApp>
{
    private sealed class At(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    private Task<int> ResetLeaseAsync(string job) => App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().JobLeases.Where(j => j.Name == job)
        .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastRunUtc, (DateTime?)null).SetProperty(j => j.LeasedUntilUtc, DateTime.UnixEpoch)
            .SetProperty(j => j.Holder, (string?)null), Ct));

    [Fact]
    public async Task Of_two_nodes_claiming_a_due_job_at_once_exactly_one_runs_it_and_neither_runs_it_again_before_it_is_due()
    {
        const string job = JobLeases.ReadingCompaction;
        await ResetLeaseAsync(job);
        var start = new DateTime(2040, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var hour = 0; hour < 10; hour++)
        {
            var now = start.AddHours(hour);
            var claims = await App.WithScopeAsync(first => App.WithScopeAsync(async second =>
            {
                var nodes = new[] { first, second }.Select(sp => new JobLeases(sp.GetRequiredService<EcoEnforceDb>(), new At(now))).ToList();
                var won = await Task.WhenAll(nodes.Select(n => n.TryClaimAsync(job, now.AddMinutes(-59), TimeSpan.FromMinutes(30), Ct)));
                var winner = nodes[Array.IndexOf(won, true)];
                // The other node, asking again while the winner runs, and the winner itself once it is done, both wait.
                var whileRunning = await nodes[Array.IndexOf(won, false)].TryClaimAsync(job, now.AddMinutes(-59), TimeSpan.FromMinutes(30), Ct);
                await winner.CompleteAsync(job, Ct);
                var afterDone = await winner.TryClaimAsync(job, now.AddMinutes(-59), TimeSpan.FromMinutes(30), Ct);
                return (won.Count(w => w), whileRunning, afterDone);
            }));
            Assert.Equal((1, false, false), claims);
        }
    }

    [Fact]
    public async Task A_job_whose_node_died_mid_run_is_taken_over_once_its_lease_runs_out()
    {
        const string job = JobLeases.ReadingCompaction;
        await ResetLeaseAsync(job);
        var start = new DateTime(2041, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var (taken, early, late) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var died = await new JobLeases(db, new At(start)).TryClaimAsync(job, start, TimeSpan.FromMinutes(30), Ct);
            var tooEarly = await new JobLeases(db, new At(start.AddMinutes(29))).TryClaimAsync(job, start, TimeSpan.FromMinutes(30), Ct);
            var after = await new JobLeases(db, new At(start.AddMinutes(31))).TryClaimAsync(job, start, TimeSpan.FromMinutes(30), Ct);
            await new JobLeases(db, new At(start.AddMinutes(32))).CompleteAsync(job, Ct);
            return (died, tooEarly, after);
        });
        Assert.Equal((true, false, true), (taken, early, late));
    }
}
