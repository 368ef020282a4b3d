using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcoEnforce.Auditing;

/// <summary>Writes an <see cref="AuditEntry"/> for every inserted, updated or deleted row (machine-received monitoring data
/// excepted: its raw packet is its own evidence), inside the same
/// transaction as the change. Inserted rows get their database-generated key only after the insert, so their
/// entries are completed by a second save before that transaction commits. Every new entry, including those a
/// handler adds itself, is appended to the hash chain (<see cref="AuditChain"/>) once final: before the insert when
/// nothing needs completing, else just before the second save.</summary>
public sealed class AuditInterceptor(IActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenValue",
        // A committed draw's seed is secret until execution; the chained SeedSha256 commits to it instead (DrawRecordCheck).
        nameof(Draws.Draw.Seed),
    };

    private readonly List<(AuditEntry Audit, EntityEntry Entry)> _inserted = [];
    private readonly List<AuditEntry> _unsealed = [];
    private IDbContextTransaction? _ownTransaction;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return result;
        var completeLater = Collect(db);
        if (_unsealed.Count == 0) return result;
        // The chain lock must be held until the entries commit, so they are always written in a transaction.
        if (db.Database.CurrentTransaction is null) _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!completeLater)
        {
            await AuditChain.AppendAsync(db, _unsealed, cancellationToken);
            _unsealed.Clear();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _inserted.Count > 0)
        {
            CompleteInserted();
            await AuditChain.AppendAsync(db, _unsealed, cancellationToken);
            _unsealed.Clear();
            await db.SaveChangesAsync(cancellationToken);
        }
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            await tx.CommitAsync(cancellationToken);
            await tx.DisposeAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _inserted.Clear();
        _unsealed.Clear();
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            await tx.RollbackAsync(cancellationToken);
            await tx.DisposeAsync();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } db) return result;
        var completeLater = Collect(db);
        if (_unsealed.Count == 0) return result;
        if (db.Database.CurrentTransaction is null) _ownTransaction = db.Database.BeginTransaction();
        if (!completeLater)
        {
            AuditChain.Append(db, _unsealed);
            _unsealed.Clear();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && _inserted.Count > 0)
        {
            CompleteInserted();
            AuditChain.Append(db, _unsealed);
            _unsealed.Clear();
            db.SaveChanges();
        }
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            tx.Commit();
            tx.Dispose();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        _inserted.Clear();
        _unsealed.Clear();
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            tx.Rollback();
            tx.Dispose();
        }
    }

    /// <summary>Adds audit rows for pending changes and lists every new audit row to be chained; true when some
    /// inserted rows need completing after the save.</summary>
    private bool Collect(DbContext db)
    {
        var now = AuditHash.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not (AuditEntry or Monitoring.RawPacket or Monitoring.Reading or Monitoring.Archive.ReadingChunk or Monitoring.Comparison.ComparisonReading or Monitoring.UnknownDevice or Common.Scheduling.JobLease)
                && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in changed)
        {
            var audit = new AuditEntry
            {
                AtUtc = now,
                Actor = actor.Name,
                Action = entry.State switch { EntityState.Added => "新增", EntityState.Modified => "修改", _ => "删除" },
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(entry),
                Before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false),
            };
            db.Add(audit);
            if (entry.State == EntityState.Added) _inserted.Add((audit, entry));
        }
        _unsealed.Clear();
        foreach (var added in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added))
        {
            added.Entity.AtUtc = AuditHash.ToMicroseconds(added.Entity.AtUtc);
            _unsealed.Add(added.Entity);
        }
        return _inserted.Count > 0;
    }

    private void CompleteInserted()
    {
        foreach (var (audit, entry) in _inserted)
        {
            audit.EntityKey = KeyOf(entry);
            audit.After = Snapshot(entry, original: false);
        }
        _inserted.Clear();
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()) ?? []);

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            if (entry.State == EntityState.Modified && !p.IsModified && !p.Metadata.IsPrimaryKey()) continue;
            var value = original ? p.OriginalValue : p.CurrentValue;
            values[p.Metadata.Name] = Secret.Contains(p.Metadata.Name) && value is not null ? "***" : value;
        }
        return JsonSerializer.Serialize(values, SnapshotJson);
    }

    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
