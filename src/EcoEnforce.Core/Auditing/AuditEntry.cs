namespace EcoEnforce.Auditing;

/// <summary>One write to one row: who, when, what, and the values before and after (JSON objects of the
/// changed properties; secrets are masked). Every entry is a link of a hash chain (docs/audit.md).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    /// <summary>Position in the chain, 1, 2, 3, … in commit order (not <see cref="Id"/> order: ids are handed out at
    /// insert, before concurrent transactions decide who commits first). Null only for an entry not yet sealed.</summary>
    public long? Sequence { get; set; }
    /// <summary>The previous entry's <see cref="Hash"/> (64 zeros for the first).</summary>
    public string? PrevHash { get; set; }
    /// <summary>SHA-256 of this entry's canonical form and <see cref="PrevHash"/>, 64 lowercase hex digits.</summary>
    public string? Hash { get; set; }
}

/// <summary>Who is acting: the signed-in user in the web app, the operating-system user in the CLI.</summary>
public interface IActor
{
    string Name { get; }
}

public sealed class FixedActor(string name) : IActor
{
    public string Name { get; } = name;
}
