using EcoEnforce.Cli;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary>A CLI test with its own SQLite data directory, removed afterwards: the commands run as an operator would
/// run them, and the database can be opened directly to set up or check what they did.</summary>
public abstract class CliDataDirectory(string prefix) : IDisposable
{
    protected string DataDirectory { get; } = Directory.CreateTempSubdirectory($"ecoenforce-cli-{prefix}-").FullName;

    protected Task<int> RunAsync(params string[] args) => CliProgram.RunAsync(args, new Dictionary<string, string?>
    {
        ["ECOENFORCE_DATA_DIR"] = DataDirectory,
        ["ECOENFORCE_ADMIN_PASSWORD"] = EcoEnforceApp.AdminPassword,
    });

    protected EcoEnforceDb OpenDb() => new(new DbContextOptionsBuilder<EcoEnforceDb>()
        .UseSqlite($"Data Source={Path.Combine(DataDirectory, "ecoenforce.db")}").Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
