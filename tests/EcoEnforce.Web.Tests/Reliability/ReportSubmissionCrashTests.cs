using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoEnforce.Data;
using EcoEnforce.Reports;
using EcoEnforce.Web.Tests.Infrastructure;
using EcoEnforce.Web.Tests.Receiver;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Reliability;

/// <summary>Monthly reports (附表2) submitted through the API by several clients while the app is killed with SIGKILL and
/// started again: every submission the API acknowledged is stored whole (submitted, with its frozen figures), and no
/// report is ever found half-submitted.</summary>
public sealed class ReportSubmissionCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task On_sqlite_acknowledged_submissions_survive_a_kill_whole() => RunAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task On_postgres_acknowledged_submissions_survive_a_kill_whole() => RunAsync(DatabaseProvider.Postgres);

    private sealed record Key(int CampaignId, int UnitId, string Month);

    private static async Task RunAsync(DatabaseProvider provider)
    {
        await using var database = await ProcessDatabase.CreateAsync(provider);
        var (http, receiver) = (ReceiverApp.FreePort(), ReceiverApp.FreePort());
        using var first = database.StartApp(http, receiver);
        await ProcessDatabase.WaitForPortAsync(http);
        using var client = await ClientAsync(http);
        var keys = await KeysAsync(client);
        Assert.True(keys.Count >= 60, $"only {keys.Count} unit-months to submit");

        var acknowledged = new HashSet<Key>();
        var queue = new Queue<Key>(keys);
        var submitters = Enumerable.Range(0, 4).Select(_ => SubmitAllAsync(http, queue, acknowledged)).ToList();
        while (Count(acknowledged) < keys.Count / 3) await Task.Delay(10, Ct);
        await ProcessDatabase.KillAsync(first);

        using var second = database.StartApp(http, receiver);
        await ProcessDatabase.WaitForPortAsync(http);
        await Task.WhenAll(submitters).WaitAsync(TimeSpan.FromMinutes(3), Ct);
        await ProcessDatabase.KillAsync(second);

        await using var db = database.Open();
        var reports = await db.MonthlyReports.AsNoTracking().ToListAsync(Ct);
        foreach (var r in reports.Where(r => r.Status == MonthlyReportStatus.Submitted))
        {
            Assert.NotNull(r.SubmittedAtUtc);
            Assert.NotNull(r.SubmittedBy);
            Assert.Equal(r.Year, MonthlySnapshot.FromJson(r.SnapshotJson!).Year);
        }
        Assert.All(reports.Where(r => r.Status == MonthlyReportStatus.Draft), r => Assert.Null(r.SnapshotJson));
        var submitted = reports.Where(r => r.Status == MonthlyReportStatus.Submitted).Select(r => new Key(r.CampaignId, r.UnitId, $"{r.Year}-{r.Month:D2}")).ToList();
        Assert.Equal(submitted.Count, submitted.Distinct().Count());
        Assert.Subset(submitted.ToHashSet(), acknowledged);
        // Every unit-month ends submitted: a request lost in the kill was retried and either stored or found already stored.
        Assert.Equal(keys.ToHashSet(), submitted.ToHashSet());
    }

    private static bool AlreadySubmitted(string problem) =>
        JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject()
            .SelectMany(e => e.Value.EnumerateArray()).Any(m => m.GetString()!.Contains("已报送", StringComparison.Ordinal));

    private static int Count(HashSet<Key> set)
    {
        lock (set) return set.Count;
    }

    private static async Task<HttpClient> ClientAsync(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync("admin", EcoEnforceApp.AdminPassword));
        return client;
    }

    /// <summary>Every obligated unit of the first monthly campaign, for every month of 2022.</summary>
    private static async Task<List<Key>> KeysAsync(HttpClient client)
    {
        var keys = new List<Key>();
        for (var month = 1; month <= 12; month++)
        {
            using var board = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/reports/monthly?month=2022-{month:D2}", Ct));
            var campaign = board.RootElement.GetProperty("campaignId").GetInt32();
            keys.AddRange(board.RootElement.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("obligated").GetBoolean())
                .Select(u => new Key(campaign, u.GetProperty("unitId").GetInt32(), $"2022-{month:D2}")));
        }
        return keys;
    }

    /// <summary>Submits queued unit-months one at a time; after a failed request (the app was killed) signs in again and
    /// retries the same one. "Already submitted" on a retry means the lost request had been stored.</summary>
    private static async Task SubmitAllAsync(int port, Queue<Key> queue, HashSet<Key> acknowledged)
    {
        Key? key = null;
        HttpClient? client = null;
        while (true)
        {
            lock (queue)
            {
                if (key is null && !queue.TryDequeue(out key)) break;
            }
            try
            {
                client ??= await ClientAsync(port);
                var response = await client.PostAsJsonAsync($"/api/v1/reports/monthly/{key!.CampaignId}/units/{key.UnitId}/{key.Month}/submit",
                    new { filedBy = "王联络", phone = "023-72210000" }, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    lock (acknowledged) acknowledged.Add(key);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest && AlreadySubmitted(body), $"{response.StatusCode}: {body}");
                }
                key = null;
            }
            catch (HttpRequestException)
            {
                client?.Dispose();
                client = null;
                await Task.Delay(200, Ct);
            }
        }
        client?.Dispose();
    }
}
