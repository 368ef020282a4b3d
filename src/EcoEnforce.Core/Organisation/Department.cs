namespace EcoEnforce.Organisation;

public enum DepartmentKind
{
    Bureau = 0,
    Section = 1,
    Partner = 2,
    Township = 3,
    Street = 4,
    ParkAdministration = 5,
}

/// <summary>A unit that plans, inspects or reports: the bureau and its sections, partner departments,
/// townships and streets, the high-tech zone administration.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The name the plan uses, e.g. 水科 for 水生态环境科.</summary>
    public required string ShortName { get; set; }
    public DepartmentKind Kind { get; set; }
    public int SortOrder { get; set; }
    public int? ParentId { get; set; }
    public Department? Parent { get; set; }
}
