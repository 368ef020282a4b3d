using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcoEnforce.Data;

namespace EcoEnforce.Backups;

/// <summary>What a backup directory holds, written last so that a directory without it is not a backup. Every file
/// carries its SHA-256: a restore checks them all before touching the database. The same sums are in
/// <c>SHA256SUMS</c> for <c>sha256sum -c</c>.</summary>
public sealed record BackupManifest(
    string Format,
    string AppVersion,
    DateTime CreatedAtUtc,
    DatabaseProvider Provider,
    string? LastMigration,
    EvidenceSummary Evidence,
    IReadOnlyList<BackupFile> Files)
{
    public const string CurrentFormat = "EcoEnforce-Backup-1";
    public const string FileName = "manifest.json";
    public const string SumsFileName = "SHA256SUMS";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task WriteAsync(string directory, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, SumsFileName),
            string.Concat(Files.Select(f => $"{f.Sha256}  {f.Path}\n")), ct);
        await using var stream = File.Create(Path.Combine(directory, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    /// <summary>Null when the directory has no readable manifest of a known format.</summary>
    public static async Task<BackupManifest?> ReadAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            await using var stream = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
            return manifest is { Format: CurrentFormat, Files: not null, Evidence: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static async Task<BackupFile> DescribeAsync(string directory, string relativePath, CancellationToken ct)
    {
        var full = Path.Combine(directory, relativePath);
        await using var stream = File.OpenRead(full);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new BackupFile(relativePath, stream.Length, Convert.ToHexStringLower(hash));
    }
}

/// <summary>A file of the backup, by its path relative to the backup directory.</summary>
public sealed record BackupFile(string Path, long Length, string Sha256);

/// <summary>Evidence (photos, documents) lives in the database; the backup counts it and checks each file's recorded
/// SHA-256 against its bytes, so a restore can prove every piece of evidence came back unchanged.</summary>
public sealed record EvidenceSummary(int Count, long Bytes, IReadOnlyList<int> Damaged);
