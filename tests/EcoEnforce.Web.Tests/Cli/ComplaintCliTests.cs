using System.Text;
using EcoEnforce.Complaints;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary><c>ecoenforce complaints import FILE</c>: a good file is imported and reported, a bad one exits 1 and
/// writes nothing, a missing one exits 2.</summary>
public sealed class ComplaintCliTests() : CliDataDirectory("complaints")
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Complaints_import_writes_a_good_file_and_nothing_of_a_bad_one()
    {
        Assert.Equal(0, await RunAsync("db", "migrate"));
        var good = Path.Combine(DataDirectory, "good.csv");
        await File.WriteAllTextAsync(good, "工单编号,受理时间,诉求内容,事发地址\nCLI001,2025-01-05 23:30,工地夜间施工噪声扰民,涪陵区崇义街道太白大道18号\n", Encoding.UTF8, Ct);
        var bad = Path.Combine(DataDirectory, "bad.csv");
        await File.WriteAllTextAsync(bad, "工单编号,受理时间,诉求内容,经度,纬度\nCLI002,2025-01-05 23:30,噪声,29.716,107.383\n", Encoding.UTF8, Ct);

        Assert.Equal(0, await RunAsync("complaints", "import", good));
        Assert.Equal(1, await RunAsync("complaints", "import", bad));
        Assert.Equal(2, await RunAsync("complaints", "import", Path.Combine(DataDirectory, "missing.csv")));

        await using var db = OpenDb();
        var imported = await db.Complaints.SingleAsync(c => c.ExternalNumber == "CLI001", Ct);
        Assert.True(imported.IsNight);
        Assert.Equal(ComplaintCategory.Noise, imported.SuggestedCategory);
        Assert.False(await db.Complaints.AnyAsync(c => c.ExternalNumber == "CLI002", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Actor.StartsWith("cli:") && a.EntityType == nameof(Complaint), Ct));
    }
}
