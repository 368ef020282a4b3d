using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary><c>ecoenforce audit verify</c> on its own SQLite data directory, with the database edited by raw SQL as
/// someone bypassing the application would: every edit is found, and undoing it makes the chain whole again.</summary>
public sealed partial class AuditCliTests() : CliDataDirectory("audit")
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(int Exit, string Out, string Error)> CapturedAsync(params string[] args) => ConsoleCapture.RunAsync(() => RunAsync(args));

    private async Task<string?> SqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "ecoenforce.db")}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(Ct))?.ToString();
    }

    [GeneratedRegex("哈希 ([0-9a-f]{64})")]
    private static partial Regex HeadHash();

    [Fact]
    public async Task Audit_verify_passes_an_untouched_database_and_fails_on_each_raw_sql_edit()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var water = await SqlAsync("SELECT Id FROM DrawRuleSets WHERE Name = '2022年水专项季度抽查'");
        Assert.Equal(0, await RunAsync("draws", "run", "--rule-set", water!, "--year", "2022", "--quarter", "1"));
        var intact = await CapturedAsync("audit", "verify");
        Assert.True(intact.Exit == 0, intact.Error);
        Assert.Contains("审计链完整：共", intact.Out, StringComparison.Ordinal);
        var draw = await SqlAsync("SELECT max(Id) FROM Draws");

        // A drawn result edited in place: the chain holds, the draw no longer matches it.
        var outcome = await SqlAsync($"SELECT OutcomeJson FROM Draws WHERE Id = {draw}");
        await SqlAsync($"UPDATE Draws SET OutcomeJson = replace(OutcomeJson, '\"order\":1', '\"order\":9') WHERE Id = {draw}");
        var result = await CapturedAsync("audit", "verify");
        Assert.Equal(1, result.Exit);
        Assert.Contains($"抽查记录 #{draw}", result.Error, StringComparison.Ordinal);
        Assert.Contains("OutcomeJson", result.Error, StringComparison.Ordinal);
        await SqlAsync($"UPDATE Draws SET OutcomeJson = '{outcome!.Replace("'", "''", StringComparison.Ordinal)}' WHERE Id = {draw}");
        Assert.Equal(0, await RunAsync("audit", "verify"));

        // An audit entry edited in place.
        var after = await SqlAsync("SELECT After FROM AuditEntries WHERE Sequence = 5");
        await SqlAsync("UPDATE AuditEntries SET After = '{}' WHERE Sequence = 5");
        var edited = await CapturedAsync("audit", "verify");
        Assert.Equal(1, edited.Exit);
        Assert.Contains("第 5 条审计记录", edited.Error, StringComparison.Ordinal);
        await SqlAsync($"UPDATE AuditEntries SET After = '{after!.Replace("'", "''", StringComparison.Ordinal)}' WHERE Sequence = 5");

        // The newest entry deleted: invisible to the chain alone, caught against the head recorded before.
        Assert.Equal(0, await RunAsync("users", "add", "auditor1", "--name", "审计测试", "--role", "Viewer"));
        var recorded = HeadHash().Match((await CapturedAsync("audit", "verify")).Out).Groups[1].Value;
        await SqlAsync("DELETE FROM AuditEntries WHERE Sequence = (SELECT max(Sequence) FROM AuditEntries)");
        Assert.Equal(0, await RunAsync("audit", "verify"));
        var truncated = await CapturedAsync("audit", "verify", "--expect-head", recorded);
        Assert.Equal(1, truncated.Exit);
        Assert.Contains("不在链中", truncated.Error, StringComparison.Ordinal);
        Assert.Equal(2, await RunAsync("audit", "verify", "--expect-head", "not-a-hash"));

        // A middle entry deleted.
        await SqlAsync("DELETE FROM AuditEntries WHERE Sequence = 3");
        var deleted = await CapturedAsync("audit", "verify");
        Assert.Equal(1, deleted.Exit);
        Assert.Contains("第 3 条审计记录缺失", deleted.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_from_before_the_chain_is_sealed_at_the_next_start_and_entries_added_past_the_chain_are_reported()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var count = await SqlAsync("SELECT count(*) FROM AuditEntries");
        // As a database migrated from a version without the chain: every entry unsealed.
        await SqlAsync("UPDATE AuditEntries SET Sequence = NULL, PrevHash = NULL, Hash = NULL");
        Assert.Equal(1, await RunAsync("audit", "verify"));
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var sealedChain = await CapturedAsync("audit", "verify");
        Assert.True(sealedChain.Exit == 0, sealedChain.Error);
        Assert.Contains($"共 {count} 条记录", sealedChain.Out, StringComparison.Ordinal);

        // Once the chain exists, an entry written around it is not sealed silently at start-up, only by --seal.
        await SqlAsync("INSERT INTO AuditEntries (AtUtc, Actor, Action, EntityType, EntityKey) VALUES ('2022-09-20 02:00:00', '伪造者', '删除', 'Enterprise', '1')");
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var unsealed = await CapturedAsync("audit", "verify");
        Assert.Equal(1, unsealed.Exit);
        Assert.Contains("有 1 条审计记录不在链中", unsealed.Error, StringComparison.Ordinal);
        var resealed = await CapturedAsync("audit", "verify", "--seal");
        Assert.True(resealed.Exit == 0, resealed.Error);
        Assert.Contains($"共 {int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture) + 1} 条记录", resealed.Out, StringComparison.Ordinal);
    }
}
