using EcoEnforce.Data;
using EcoEnforce.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Reliability;

/// <summary>A registry import run by the CLI as a real process and killed with SIGKILL at ever later moments (each 1.5
/// times the last) until one run completes: every kill leaves either none of the file's entities or all of them, and
/// the last kill lands within the final third of an import's run, while the file is validated and written.</summary>
public sealed class ImportCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int Rows = 3000;

    [Fact]
    public Task On_sqlite_a_killed_registry_import_leaves_all_of_the_file_or_none() => RunAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task On_postgres_a_killed_registry_import_leaves_all_of_the_file_or_none() => RunAsync(DatabaseProvider.Postgres);

    private static async Task RunAsync(DatabaseProvider provider)
    {
        await using var database = await ProcessDatabase.CreateAsync(provider);
        using (var migrate = database.StartCli("db", "migrate"))
        {
            await migrate.WaitForExitAsync(Ct);
            Assert.Equal(0, migrate.ExitCode);
        }
        var rows = Enumerable.Range(0, Rows).Select(_ => RegistryWorkbook.ValidRow()).ToList();
        var file = Path.Combine(database.DataDir, "名录.xlsx");
        await File.WriteAllBytesAsync(file, RegistryWorkbook.Build(rows), Ct);
        var codes = rows.Select(r => r[Registry.RegistryColumns.CreditCode]).ToHashSet();

        var kills = 0;
        for (var delay = TimeSpan.FromMilliseconds(500); ; delay *= 1.5)
        {
            using var import = database.StartCli("import", "entities", file);
            await Task.WhenAny(import.WaitForExitAsync(Ct), Task.Delay(delay, Ct));
            var finished = import.HasExited;
            if (!finished)
            {
                await ProcessDatabase.KillAsync(import);
                kills++;
            }
            var imported = await ImportedAsync(database, codes);
            Assert.True(imported is 0 or Rows, $"after a kill at {delay.TotalMilliseconds} ms, {imported} of {Rows} entities were stored");
            if (finished) Assert.Equal(0, import.ExitCode);
            if (imported == Rows) break;
            Assert.True(delay < TimeSpan.FromMinutes(2), "the import never completed");
        }
        Assert.True(kills > 0, "the import finished before the first kill: nothing was tested");
    }

    private static async Task<int> ImportedAsync(ProcessDatabase database, HashSet<string> codes)
    {
        await using var db = database.Open();
        var stored = await db.Enterprises.Select(e => e.CreditCode).ToListAsync(Ct);
        return stored.Count(codes.Contains);
    }
}
