using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EcoEnforce.Backups;

/// <summary>Runs PostgreSQL's own pg_dump and pg_restore: they know every object type (partitions, functions, PostGIS)
/// better than any copy we could write. The connection goes through PG* environment variables, so the password is
/// never on a command line where <c>ps</c> would show it.</summary>
internal sealed class PgTools(string binDirectory, NpgsqlConnectionStringBuilder connection)
{
    /// <summary><c>Backup:PgBinDirectory</c>, else the PATH, else the newest /usr/lib/postgresql/*/bin (Debian's layout).</summary>
    public static PgTools? Find(IConfiguration? config, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var configured = config?["Backup:PgBinDirectory"];
        var candidates = !string.IsNullOrWhiteSpace(configured)
            ? [configured]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Concat(DebianBinDirectories());
        var bin = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_dump")) && File.Exists(Path.Combine(d, "pg_restore")));
        return bin is null ? null : new PgTools(bin, builder);
    }

    private static IEnumerable<string> DebianBinDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"));
    }

    public string Database => connection.Database ?? connection.Username ?? "";

    /// <summary>The same server and credentials, another database.</summary>
    public PgTools For(string database) => new(binDirectory, new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = database });

    public string ConnectionString(bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = pooling }.ConnectionString;

    /// <summary>Runs a tool; returns null on success or its error output (the last lines) on failure.</summary>
    public async Task<string?> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Path.Combine(binDirectory, tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        SetEnvironment(start.Environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var errors = (await stderr).Trim();
        await stdout;
        if (process.ExitCode == 0) return null;
        var lines = errors.Split('\n');
        return $"{tool} 退出码 {process.ExitCode}：{string.Join("\n", lines.TakeLast(5))}";
    }

    private void SetEnvironment(IDictionary<string, string?> env)
    {
        if (!string.IsNullOrEmpty(connection.Host)) env["PGHOST"] = connection.Host;
        env["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(connection.Username)) env["PGUSER"] = connection.Username;
        if (!string.IsNullOrEmpty(connection.Password)) env["PGPASSWORD"] = connection.Password;
        env["PGDATABASE"] = Database;
        env["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        env["PGAPPNAME"] = "ecoenforce-backup";
    }
}
