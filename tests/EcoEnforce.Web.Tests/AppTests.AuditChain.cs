using EcoEnforce.Auditing;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>The audit hash chain on the real databases: concurrent writers still form one chain, and rows edited,
/// deleted or inserted with raw SQL are found. Tampering happens inside a transaction rolled back at the end, so the
/// shared database is left as it was.</summary>
public abstract partial class AppTests<TApp>
{
    private static string Describe(VerifyAuditTrail.Report r) =>
        $"{r.Break?.Message} unsealed={r.Unsealed} draws=[{string.Join("; ", r.DrawProblems)}]";

    [Fact]
    public async Task Audited_writes_from_many_parallel_contexts_form_one_chain_that_verifies()
    {
        App.SkipIfUnavailable();
        var before = await App.WithScopeAsync(sp => sp.GetRequiredService<VerifyAuditTrail.Handler>().HandleAsync(null, Ct));
        Assert.True(before.Intact, Describe(before));
        const int writers = 12, rounds = 3;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var r = 0; r < rounds; r++)
                await App.WithScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<EcoEnforceDb>();
                    // Insert (entry completed by a second save), update (chained before the write), delete: the
                    // department is gone again afterwards, so other tests see the database unchanged.
                    var department = new Department { Name = $"审计链并发{w}-{r}-{Guid.NewGuid():N}", ShortName = "并发", Kind = DepartmentKind.Section, SortOrder = 9000 };
                    db.Departments.Add(department);
                    await db.SaveChangesAsync(Ct);
                    department.ShortName = "并发改";
                    await db.SaveChangesAsync(Ct);
                    db.Departments.Remove(department);
                    await db.SaveChangesAsync(Ct);
                    return 0;
                });
        }, Ct)));

        var after = await App.WithScopeAsync(sp => sp.GetRequiredService<VerifyAuditTrail.Handler>().HandleAsync(before.HeadHash, Ct));
        Assert.True(after.Intact, Describe(after));
        Assert.Equal(before.Count + writers * rounds * 3, after.Count);
        Assert.Equal(before.Count, after.ExpectedHeadAt);
    }

    [Fact]
    public async Task Verify_finds_audit_entries_and_draws_changed_with_raw_sql_and_names_the_first_break()
    {
        App.SkipIfUnavailable();
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var verify = sp.GetRequiredService<VerifyAuditTrail.Handler>();
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            var draw = await AddDrawAsync(db);
            var intact = await verify.HandleAsync(null, Ct);
            Assert.True(intact.Intact, Describe(intact));
            var head = intact.Count;

            async Task<VerifyAuditTrail.Report> TamperedAsync(Func<Task> tamper, string? expectedHead = null)
            {
                await tx.CreateSavepointAsync("tamper", Ct);
                await tamper();
                var report = await verify.HandleAsync(expectedHead, Ct);
                await tx.RollbackToSavepointAsync("tamper", Ct);
                Assert.False(report.Intact);
                return report;
            }

            var seed = await TamperedAsync(() => db.Database.ExecuteSqlAsync($"UPDATE \"Draws\" SET \"Seed\" = {new string('0', 64)} WHERE \"Id\" = {draw}", Ct));
            Assert.Null(seed.Break);
            Assert.Contains(seed.DrawProblems, p => p.Contains($"#{draw}", StringComparison.Ordinal) && p.Contains("Seed", StringComparison.Ordinal));

            var gone = await TamperedAsync(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"Draws\" WHERE \"Id\" = {draw}", Ct));
            Assert.Contains(gone.DrawProblems, p => p.Contains("已从数据库中删除", StringComparison.Ordinal));

            var edited = await TamperedAsync(() => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = {"伪造者"} WHERE \"Sequence\" = {head - 3}", Ct));
            Assert.Equal((ChainBreakKind.Edited, head - 3), (edited.Break!.Kind, edited.Break.Sequence));

            var deleted = await TamperedAsync(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {head - 3}", Ct));
            Assert.Equal((ChainBreakKind.Deleted, head - 2), (deleted.Break!.Kind, deleted.Break.Sequence));

            // Deleting the newest entry: caught by the draw it described, and by the head recorded beforehand.
            var truncated = await TamperedAsync(() => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {head}", Ct), intact.HeadHash);
            Assert.Equal(ChainBreakKind.HeadMissing, truncated.Break!.Kind);

            var inserted = await TamperedAsync(() => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"AuditEntries\" (\"AtUtc\", \"Actor\", \"Action\", \"EntityType\", \"EntityKey\") VALUES ({DateTime.UtcNow}, {"伪造者"}, {"删除"}, {"Enterprise"}, {"1"})", Ct));
            Assert.Equal(1, inserted.Unsealed);

            await tx.RollbackAsync(Ct);
            return 0;
        });
        var after = await App.WithScopeAsync(sp => sp.GetRequiredService<VerifyAuditTrail.Handler>().HandleAsync(null, Ct));
        Assert.True(after.Intact, Describe(after));
    }

    /// <summary>A draw committed and then executed through the change tracker, as the handlers write one: an insert
    /// entry completed after the insert, then an update entry.</summary>
    private static async Task<int> AddDrawAsync(EcoEnforceDb db)
    {
        var campaign = await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        var draw = new Draw
        {
            Title = "审计链测试抽查", CampaignId = campaign, SpecJson = "{}", PeriodLabel = "2022年第1季度",
            PeriodStart = new(2022, 1, 1), PeriodEnd = new(2022, 3, 31), WindowStart = new(2022, 1, 1), WindowEnd = new(2022, 3, 31),
            Status = DrawStatus.Committed, InputJson = "{\"pool\":[]}", ExclusionsJson = "[]", PoolSize = 0, InspectorPoolSize = 0,
            Seed = new string('a', 64),
            SeedSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(new string('a', 64)))),
            PoolSha256 = new string('c', 64),
            InspectorsSha256 = new string('d', 64), RulesSha256 = new string('e', 64),
            CommittedAtUtc = DateTime.UtcNow, CommittedBy = "测试员",
        };
        db.Draws.Add(draw);
        await db.SaveChangesAsync(Ct);
        draw.Status = DrawStatus.Executed;
        draw.ExecutedAtUtc = DateTime.UtcNow;
        draw.ExecutedBy = "测试员";
        draw.OutcomeJson = "{\"tasks\":[]}";
        await db.SaveChangesAsync(Ct);
        return draw.Id;
    }

    [Fact]
    public async Task A_committed_draws_seed_never_reaches_the_audit_trail_and_the_draw_still_verifies()
    {
        var api = await ApiAsync();
        var ruleSetId = await RuleSetAsync("测试：种子不入审计", Water, new DrawRuleSpec
        {
            Period = DrawPeriodKind.Year,
            Quotas = [new() { Class = Registry.SupervisionClass.Special, Percent = 10 }],
        });
        var id = (await DrawAsync(api, new { ruleSetId, year = 2029, execute = false })).GetProperty("id").GetInt32();
        var (seed, trail, problems) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entries = await db.AuditEntries.Where(a => a.EntityType == "Draw" && a.EntityKey == key).Select(a => a.After ?? "").ToListAsync(Ct);
            var check = new DrawRecordCheck(db.Model.FindEntityType(typeof(Draw))!);
            foreach (var entry in await db.AuditEntries.Where(a => a.EntityType == "Draw").OrderBy(a => a.Id).ToListAsync(Ct)) check.Apply(entry);
            var draw = await db.Draws.AsNoTracking().FirstAsync(d => d.Id == id, Ct);
            // Other tests' draws are judged by their own tests; only this draw's findings matter here.
            return (draw.Seed, string.Join("\n", entries), check.Compare([draw]).Where(p => p.Contains($"#{key}（", StringComparison.Ordinal)).ToList());
        });
        Assert.NotEmpty(trail);
        Assert.DoesNotContain(seed, trail, StringComparison.OrdinalIgnoreCase);
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }
}
