namespace EcoEnforce.Evidence;

/// <summary>A photo, document or recording attached to an inspection task or to a problem (exactly one of the two).
/// The bytes live in the database: several app nodes share PostgreSQL and no disk. List queries project without
/// <see cref="Content"/>.</summary>
public sealed class EvidenceFile
{
    public int Id { get; set; }
    public int? TaskId { get; set; }
    public int? ProblemId { get; set; }
    /// <summary>As uploaded, without any path and at most <see cref="EvidenceRules.FileNameMaxLength"/> characters.</summary>
    public required string FileName { get; set; }
    /// <summary>The type found in the bytes themselves, never the client's claim.</summary>
    public required string ContentType { get; set; }
    public long Length { get; set; }
    /// <summary>Lower-case hex; proves the file is the one uploaded and spots a second upload of it.</summary>
    public required string Sha256 { get; set; }
    public byte[] Content { get; set; } = [];
    public string? Caption { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public required string UploadedBy { get; set; }
}
