using EcoEnforce.Data;
using EcoEnforce.Draws;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Auditing;

/// <summary>Verifies the audit chain and the stored draws against it (docs/audit.md). Entries are streamed in
/// sequence order, never loaded all at once.</summary>
public static class VerifyAuditTrail
{
    /// <param name="Unsealed">Entries without a place in the chain (written past the application, or by an old version).</param>
    public sealed record Report(long Count, string? HeadHash, long? ExpectedHeadAt, ChainBreak? Break,
        long Unsealed, long? FirstUnsealedId, IReadOnlyList<string> DrawProblems)
    {
        public bool Intact => Break is null && Unsealed == 0 && DrawProblems.Count == 0;
    }

    public sealed class Handler(EcoEnforceDb db)
    {
        public async Task<Report> HandleAsync(string? expectedHead, CancellationToken ct)
        {
            var unsealed = db.AuditEntries.Where(a => a.Sequence == null);
            var unsealedCount = await unsealed.LongCountAsync(ct);
            var firstUnsealed = unsealedCount == 0 ? null : await unsealed.MinAsync(a => (long?)a.Id, ct);

            var chain = new ChainVerifier(expectedHead);
            var draws = new DrawRecordCheck(db.Model.FindEntityType(typeof(Draw))!);
            await foreach (var entry in db.AuditEntries.AsNoTracking().Where(a => a.Sequence != null).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!chain.Next(entry)) break;
                draws.Apply(entry);
            }
            var broken = chain.Finish();
            // Draws are judged against the chain only when the chain itself holds.
            var drawProblems = broken is null
                ? draws.Compare(await db.Draws.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct))
                : [];
            return new Report(chain.Count, chain.HeadHash, chain.ExpectedHeadAt, broken, unsealedCount, firstUnsealed, drawProblems);
        }
    }
}
