namespace EcoEnforce.Common.Scheduling;

/// <summary>A periodic background job's claim, shared by every node on the database: who runs it now (until when) and
/// when it last finished. One row per job, created by the migration.</summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime LeasedUntilUtc { get; set; }
    public DateTime? LastRunUtc { get; set; }
}
