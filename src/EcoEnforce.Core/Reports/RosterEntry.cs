namespace EcoEnforce.Reports;

public enum RosterRole
{
    /// <summary>分管负责人.</summary>
    Leader = 0,
    /// <summary>联络员.</summary>
    Liaison = 1,
}

/// <summary>A line of 附表1 (单位分管负责人和联络员名单): who leads and who liaises for a reporting unit in a plan year.
/// The phone number is personal data: shown to staff and the unit itself, never disclosed.</summary>
public sealed class RosterEntry
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int DepartmentId { get; set; }
    public Organisation.Department? Department { get; set; }
    public RosterRole Role { get; set; }
    public required string Name { get; set; }
    public required string Post { get; set; }
    public required string Phone { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
