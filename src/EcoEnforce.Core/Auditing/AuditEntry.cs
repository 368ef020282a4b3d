namespace EcoEnforce.Auditing;

/// <summary>One write to one row: who, when, what, and the values before and after (JSON objects of the
/// changed properties; secrets are masked).</summary>
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
