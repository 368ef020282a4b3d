using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Auditing;

/// <summary>Appends entries to the hash chain. Appends are serialised so that two transactions never link to the same
/// head: on PostgreSQL by a transaction-scoped advisory lock, released at commit or rollback; on SQLite by the write
/// lock itself (Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE, so a transaction holds the only
/// write lock from its start). The caller must be inside a transaction, so that the lock is held until the appended
/// entries are committed. The head is read after taking the lock, under READ COMMITTED, so it is the last committed
/// entry (or this transaction's own).</summary>
public static class AuditChain
{
    /// <summary>Separate from the start-up lock of DatabaseInitializer, which is held while seeding writes audited rows.</summary>
    private const long LockKey = 0x45636f41756469; // "EcoAudi"

    /// <summary>Gives the entries, in order, the next sequence numbers, their previous hashes and their hashes.</summary>
    public static async Task AppendAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var head = await Sealed(db).OrderByDescending(a => a.Sequence).Select(a => new Head(a.Sequence, a.Hash)).FirstOrDefaultAsync(ct);
        Link(entries, head);
    }

    public static void Append(DbContext db, IReadOnlyList<AuditEntry> entries)
    {
        if (db.Database.IsNpgsql()) db.Database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({LockKey})");
        var head = Sealed(db).OrderByDescending(a => a.Sequence).Select(a => new Head(a.Sequence, a.Hash)).FirstOrDefault();
        Link(entries, head);
    }

    /// <summary>Seals entries written without a place in the chain, in id order, after the current head, in one
    /// transaction. With <paramref name="onlyIntoEmptyChain"/> it does so only while no entry is sealed yet: the
    /// start-up step that brings a database's history from before the chain into it. Returns how many were sealed.</summary>
    public static async Task<int> SealUnsealedAsync(EcoEnforceDb db, bool onlyIntoEmptyChain, CancellationToken ct)
    {
        var unsealed = db.AuditEntries.Where(a => a.Sequence == null);
        if (!await unsealed.AnyAsync(ct)) return 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        if (onlyIntoEmptyChain && await Sealed(db).AnyAsync(ct)) return 0;
        var sealedCount = 0;
        var head = await Sealed(db).OrderByDescending(a => a.Sequence).Select(a => new Head(a.Sequence, a.Hash)).FirstOrDefaultAsync(ct);
        var after = long.MinValue;
        while (true)
        {
            // Batches keep memory flat, all in the one transaction. Paging by id from the last one seen, not by
            // "still unsealed", so each batch starts where the index says instead of skipping the rows already done.
            var from = after;
            var batch = await unsealed.Where(a => a.Id > from).OrderBy(a => a.Id).Take(2000).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            Link(batch, head);
            head = new Head(batch[^1].Sequence, batch[^1].Hash);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            sealedCount += batch.Count;
        }
        await tx.CommitAsync(ct);
        return sealedCount;
    }

    private static IQueryable<AuditEntry> Sealed(DbContext db) =>
        db.Set<AuditEntry>().AsNoTracking().Where(a => a.Sequence != null);

    private static void Link(IReadOnlyList<AuditEntry> entries, Head? head)
    {
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditHash.Genesis;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PrevHash = previous;
            entry.Hash = AuditHash.Compute(entry);
            previous = entry.Hash;
        }
    }

    private sealed record Head(long? Sequence, string? Hash);
}
