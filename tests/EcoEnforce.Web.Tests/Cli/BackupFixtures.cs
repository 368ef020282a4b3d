using System.Security.Cryptography;
using EcoEnforce.Data;
using EcoEnforce.Evidence;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Tests.Cli;

/// <summary>What the backup tests put in a database and later expect back: a photo attached to a demo inspection
/// task, and the name of one entity that gets renamed after the backup.</summary>
internal sealed record BackupProbe(int EvidenceId, byte[] Photo, int EntityId, string EntityName, int Entities)
{
    public static async Task<BackupProbe> PlantAsync(EcoEnforceDb db, CancellationToken ct)
    {
        var task = await db.InspectionTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(ct);
        var photo = RandomNumberGenerator.GetBytes(48 * 1024);
        photo[0] = 0xFF; photo[1] = 0xD8; photo[2] = 0xFF; // a JPEG's start, as the sniffer would want
        var file = new EvidenceFile
        {
            TaskId = task, FileName = "现场照片.jpg", ContentType = "image/jpeg", Length = photo.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(photo)), Content = photo, UploadedAtUtc = DateTime.UtcNow, UploadedBy = "test",
        };
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(ct);
        var entity = await db.Enterprises.OrderBy(e => e.Id).FirstAsync(ct);
        return new BackupProbe(file.Id, photo, entity.Id, entity.Name, await db.Enterprises.CountAsync(ct));
    }

    /// <summary>Renames the entity and deletes every evidence file, as a mistake or an attack would.</summary>
    public async Task DamageAsync(EcoEnforceDb db, CancellationToken ct)
    {
        await db.Enterprises.Where(e => e.Id == EntityId).ExecuteUpdateAsync(u => u.SetProperty(e => e.Name, "被误改的名称"), ct);
        await db.EvidenceFiles.ExecuteDeleteAsync(ct);
    }

    public async Task AssertBackAsync(EcoEnforceDb db, CancellationToken ct)
    {
        Assert.Equal(EntityName, await db.Enterprises.Where(e => e.Id == EntityId).Select(e => e.Name).SingleAsync(ct));
        Assert.Equal(Entities, await db.Enterprises.CountAsync(ct));
        Assert.Equal(Photo, await db.EvidenceFiles.Where(e => e.Id == EvidenceId).Select(e => e.Content).SingleAsync(ct));
    }

    public async Task AssertDamagedAsync(EcoEnforceDb db, CancellationToken ct)
    {
        Assert.Equal("被误改的名称", await db.Enterprises.Where(e => e.Id == EntityId).Select(e => e.Name).SingleAsync(ct));
        Assert.False(await db.EvidenceFiles.AnyAsync(ct));
    }

    /// <summary>Flips one byte in the middle of a backup file, as bit rot or an edit would.</summary>
    public static void Corrupt(string path)
    {
        using var stream = File.Open(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = stream.Length / 2;
        var b = stream.ReadByte();
        stream.Position = stream.Length / 2;
        stream.WriteByte((byte)(b ^ 0x5A));
    }
}
