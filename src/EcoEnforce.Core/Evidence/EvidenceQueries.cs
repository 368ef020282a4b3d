using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Evidence;

/// <summary>Evidence lists without the bytes (a task may carry dozens of photos); the bytes only for one file.</summary>
public static class EvidenceQueries
{
    public sealed record Item(int Id, int? TaskId, int? ProblemId, string FileName, string ContentType, long Length, string Sha256,
        string? Caption, DateTime UploadedAtUtc, string UploadedBy)
    {
        public bool IsImage => EvidenceRules.IsImage(ContentType);
    }

    public static Task<List<Item>> ForTaskAsync(EcoEnforceDb db, int taskId, CancellationToken ct) =>
        List(db.EvidenceFiles.Where(e => e.TaskId == taskId), ct);

    public static Task<List<Item>> ForProblemAsync(EcoEnforceDb db, int problemId, CancellationToken ct) =>
        List(db.EvidenceFiles.Where(e => e.ProblemId == problemId), ct);

    public static Task<Item?> FindAsync(EcoEnforceDb db, int id, CancellationToken ct) =>
        Project(db.EvidenceFiles.Where(e => e.Id == id)).FirstOrDefaultAsync(ct);

    public static Task<byte[]> ContentAsync(EcoEnforceDb db, int id, CancellationToken ct) =>
        db.EvidenceFiles.Where(e => e.Id == id).Select(e => e.Content).FirstAsync(ct);

    private static Task<List<Item>> List(IQueryable<EvidenceFile> query, CancellationToken ct) =>
        Project(query.OrderBy(e => e.Id)).ToListAsync(ct);

    private static IQueryable<Item> Project(IQueryable<EvidenceFile> query) => query.AsNoTracking()
        .Select(e => new Item(e.Id, e.TaskId, e.ProblemId, e.FileName, e.ContentType, e.Length, e.Sha256, e.Caption, e.UploadedAtUtc, e.UploadedBy));
}
