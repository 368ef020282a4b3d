namespace EcoEnforce.Inspections;

/// <summary>The on-site record (现场检查笔录) of one task: who was present, when, where, what was checked and found.</summary>
public sealed class InspectionRecord
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public InspectionTask? Task { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    /// <summary>Position captured by the phone's browser when the officer allowed it (WGS-84).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? AccuracyMetres { get; set; }
    /// <summary>The entity's person present (name and post). Personal data: never disclosed.</summary>
    public string? EntityRepresentative { get; set; }
    public string Findings { get; set; } = "";
    public required string RecordedBy { get; set; }
    public List<RecordInspector> Present { get; set; } = [];
    public List<ChecklistAnswer> Answers { get; set; } = [];
}

/// <summary>An officer present on site, with the certificate number as it was that day.</summary>
public sealed class RecordInspector
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public int InspectorId { get; set; }
    public Organisation.Inspector? Inspector { get; set; }
    public required string CertificateNumber { get; set; }
}

public enum CheckAnswer
{
    /// <summary>符合.</summary>
    Conforms = 0,
    /// <summary>不符合.</summary>
    NonConforming = 1,
    /// <summary>不适用.</summary>
    NotApplicable = 2,
}

/// <summary>The answer to one check item of one campaign's checklist.</summary>
public sealed class ChecklistAnswer
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public int CheckItemId { get; set; }
    public Campaigns.CheckItem? CheckItem { get; set; }
    public CheckAnswer Answer { get; set; }
    public string? Note { get; set; }
}
