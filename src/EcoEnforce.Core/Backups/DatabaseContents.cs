using System.Security.Cryptography;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Backups;

/// <summary>The facts a backup records about a database and a restore checks again: its schema version and its
/// evidence files, each hashed from its stored bytes.</summary>
internal static class DatabaseContents
{
    public static async Task<string?> LastMigrationAsync(EcoEnforceDb db, CancellationToken ct) =>
        (await db.Database.GetAppliedMigrationsAsync(ct)).Order(StringComparer.Ordinal).LastOrDefault();

    public static async Task<EvidenceSummary> EvidenceAsync(EcoEnforceDb db, CancellationToken ct)
    {
        var count = 0;
        long bytes = 0;
        var damaged = new List<int>();
        // One file at a time: evidence can add up to gigabytes.
        var files = db.EvidenceFiles.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Sha256, e.Content }).AsAsyncEnumerable();
        await foreach (var file in files.WithCancellation(ct))
        {
            count++;
            bytes += file.Content.Length;
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(file.Content)), file.Sha256, StringComparison.OrdinalIgnoreCase))
                damaged.Add(file.Id);
        }
        return new EvidenceSummary(count, bytes, damaged);
    }

    /// <summary>Chinese description of how a restored database differs from what the backup recorded; null if it matches.</summary>
    public static string? Compare(BackupManifest manifest, string? lastMigration, EvidenceSummary restored)
    {
        if (lastMigration != manifest.LastMigration)
            return $"恢复后的数据库结构版本（{lastMigration ?? "无"}）与备份记录的（{manifest.LastMigration ?? "无"}）不一致";
        if (restored.Count != manifest.Evidence.Count || restored.Bytes != manifest.Evidence.Bytes)
            return $"恢复后的证据文件为 {restored.Count} 个、{restored.Bytes} 字节，备份记录为 {manifest.Evidence.Count} 个、{manifest.Evidence.Bytes} 字节";
        var newlyDamaged = restored.Damaged.Except(manifest.Evidence.Damaged).ToList();
        return newlyDamaged.Count > 0 ? $"恢复后有 {newlyDamaged.Count} 个证据文件与其记录的 SHA-256 不符（编号 {string.Join("、", newlyDamaged.Take(10))}）" : null;
    }
}
