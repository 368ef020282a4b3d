using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoEnforce.Receiver;

/// <summary>On SQLite, copies the write-ahead log into the database file from its own connection, twice a second.
/// The receiver's writer turns automatic checkpoints off on its connection (ReadingStore), because a checkpoint run by
/// the committing connection made every batch wait for it; a PASSIVE checkpoint here runs beside the writer instead
/// and never blocks it. Durability is unaffected: a commit is durable once in the fsynced log.</summary>
public sealed partial class SqliteCheckpointer(IServiceScopeFactory scopes, DatabaseOptions database, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    /// <summary>About 64 MB of log at SQLite's 4 KB pages.</summary>
    private const long MaxLogFrames = 16_384;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite) return;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
                var logFrames = await CheckpointAsync(db, "PASSIVE", stoppingToken);
                // Under unbroken load the writer never pauses long enough for the log to be rewound, so it would grow
                // without end; past the limit one TRUNCATE checkpoint makes the writer wait once and empties it.
                if (logFrames > MaxLogFrames) await CheckpointAsync(db, "TRUNCATE", stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e); // the next tick tries again; meanwhile the log only grows
            }
        }
    }

    /// <summary>Runs a checkpoint and returns the number of frames in the log before it.</summary>
    private static async Task<long> CheckpointAsync(EcoEnforceDb db, string mode, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode});";
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? reader.GetInt64(1) : 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed")]
    private partial void LogFailed(Exception e);
}
