using System.Security.Cryptography;
using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Evidence;

/// <summary>Attaches one file to a task (while on site or just after: in progress or done) or to a problem. The type is
/// sniffed from the bytes, the SHA-256 computed while reading, and a second upload of the same file to the same
/// task or problem refused. Access is the caller's to check (<see cref="EvidenceAccess.CanAddAsync"/>).</summary>
public static class AddEvidence
{
    public sealed record Command(int? TaskId, int? ProblemId, string FileName, Stream Content, string? Caption);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> HandleAsync(Command c, CancellationToken ct)
        {
            if (c.TaskId.HasValue == c.ProblemId.HasValue) return Result<int>.Fail("Target", "请指定检查任务或问题（二者选一）");
            if (await TargetErrorAsync(c, ct) is { } targetError) return Result<int>.Fail([targetError]);
            var fileName = EvidenceRules.SanitiseFileName(c.FileName);
            if (fileName.Length == 0) return Result<int>.Fail("File", "请选择要上传的文件");
            var caption = string.IsNullOrWhiteSpace(c.Caption) ? null : c.Caption.Trim();
            if (caption?.Length > EvidenceRules.CaptionMaxLength)
                return Result<int>.Fail("Caption", $"说明不能超过 {EvidenceRules.CaptionMaxLength} 个字");

            var (bytes, sha256) = await ReadLimitedAsync(c.Content, ct);
            if (bytes is null) return Result<int>.Fail("File", $"文件过大（上限 {EvidenceRules.MaxBytes / 1024 / 1024} MB）：{fileName}");
            var sniffed = EvidenceSniffer.Sniff(fileName, bytes.AsSpan(0, Math.Min(bytes.Length, EvidenceSniffer.HeaderLength)));
            if (!sniffed.Succeeded) return Result<int>.Fail(sniffed.Errors);
            if (await IsDuplicateAsync(c, sha256, ct)) return Duplicate(fileName);

            var file = new EvidenceFile
            {
                TaskId = c.TaskId,
                ProblemId = c.ProblemId,
                FileName = fileName,
                ContentType = sniffed.Value!.ContentType,
                Length = bytes.Length,
                Sha256 = sha256,
                Caption = caption,
                UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
                UploadedBy = actor.Name,
            };
            try
            {
                await StoreAsync(file, bytes, ct);
            }
            catch (DbUpdateException)
            {
                // Two taps on "上传" race past the check above; the unique index stops the second.
                db.ChangeTracker.Clear();
                if (await IsDuplicateAsync(c, sha256, ct)) return Duplicate(fileName);
                throw;
            }
            return Result<int>.Ok(file.Id);
        }

        /// <summary>The audit trail snapshots every inserted row, so the row goes in without its bytes and they follow
        /// by a direct update in the same transaction: the audit keeps name, size and hash, not 20 MB of base64.</summary>
        private async Task StoreAsync(EvidenceFile file, byte[] bytes, CancellationToken ct)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.EvidenceFiles.Add(file);
            await db.SaveChangesAsync(ct);
            await db.EvidenceFiles.Where(e => e.Id == file.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Content, bytes), ct);
            await tx.CommitAsync(ct);
        }

        private async Task<FieldError?> TargetErrorAsync(Command c, CancellationToken ct)
        {
            if (c.ProblemId is { } problem)
                return await db.Problems.AnyAsync(p => p.Id == problem, ct) ? null : new FieldError("ProblemId", "问题不存在");
            var status = await db.InspectionTasks.Where(t => t.Id == c.TaskId).Select(t => (Inspections.TaskStatus?)t.Status).FirstOrDefaultAsync(ct);
            return status switch
            {
                null => new FieldError("TaskId", "检查任务不存在"),
                Inspections.TaskStatus.InProgress or Inspections.TaskStatus.Done => null,
                _ => new FieldError("TaskId", "只有检查中或已完成的任务可以上传证据材料"),
            };
        }

        private Task<bool> IsDuplicateAsync(Command c, string sha256, CancellationToken ct) => c.TaskId is { } task
            ? db.EvidenceFiles.AnyAsync(e => e.TaskId == task && e.Sha256 == sha256, ct)
            : db.EvidenceFiles.AnyAsync(e => e.ProblemId == c.ProblemId && e.Sha256 == sha256, ct);

        private static Result<int> Duplicate(string fileName) => Result<int>.Fail("File", $"该文件已上传过：{fileName}");

        /// <summary>Reads at most one byte past the limit, so an oversize upload is refused without being held whole;
        /// null when over the limit.</summary>
        private static async Task<(byte[]? Bytes, string Sha256)> ReadLimitedAsync(Stream content, CancellationToken ct)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (true)
            {
                var want = (int)Math.Min(chunk.Length, EvidenceRules.MaxBytes + 1 - buffer.Length);
                if (want <= 0) return (null, "");
                var read = await content.ReadAsync(chunk.AsMemory(0, want), ct);
                if (read == 0) break;
                hash.AppendData(chunk, 0, read);
                buffer.Write(chunk, 0, read);
            }
            return (buffer.ToArray(), Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
    }
}
