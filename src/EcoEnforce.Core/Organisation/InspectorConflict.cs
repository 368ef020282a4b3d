namespace EcoEnforce.Organisation;

/// <summary>A declared relation (回避) between an officer and an entity: the officer is never drawn for it.</summary>
public sealed class InspectorConflict
{
    public int Id { get; set; }
    public int InspectorId { get; set; }
    public Inspector? Inspector { get; set; }
    public int EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    public required string Reason { get; set; }
    public DateOnly DeclaredOn { get; set; }
}
