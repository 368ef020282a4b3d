namespace EcoEnforce.Inspections;

/// <summary>Why an entity is to be inspected, in the words of the plan's 附表2 (问题来源) plus 双随机. Only
/// <see cref="RandomDraw"/> tasks are routine and count against the frequency caps; the others are case-triggered (个案)
/// and always go ahead, positive list or not.</summary>
public enum TaskSource
{
    /// <summary>双随机.</summary>
    RandomDraw = 0,
    /// <summary>投诉举报（含12345）.</summary>
    Complaint = 1,
    /// <summary>上级转办.</summary>
    Referral = 2,
    /// <summary>大数据平台推动（自动监控等数据线索）.</summary>
    DataLead = 3,
    /// <summary>部门移交.</summary>
    DepartmentTransfer = 4,
    /// <summary>日常排查.</summary>
    Routine = 5,
    /// <summary>其他（须说明）.</summary>
    Other = 6,
}

public enum TaskStatus
{
    Planned = 0,
    Done = 1,
    Cancelled = 2,
}

/// <summary>One visit to one entity (进一次门): the campaigns whose check items it carries, the team, the window.
/// Tasks for the same entity in overlapping windows are merged into one joint inspection rather than duplicated.</summary>
public sealed class InspectionTask
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    public TaskSource Source { get; set; }
    public DateOnly WindowStart { get; set; }
    public DateOnly WindowEnd { get; set; }
    public TaskStatus Status { get; set; }
    /// <summary>The day the inspection took place, once done.</summary>
    public DateOnly? InspectedOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<TaskCampaign> Campaigns { get; set; } = [];
    public List<TaskInspector> Inspectors { get; set; } = [];

    public bool Overlaps(DateOnly start, DateOnly end) => WindowStart <= end && start <= WindowEnd;
}

/// <summary>A campaign (and, when drawn, the draw) a task serves; several rows make a joint inspection.</summary>
public sealed class TaskCampaign
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int CampaignId { get; set; }
    public Campaigns.Campaign? Campaign { get; set; }
    public int? DrawId { get; set; }
    public TaskSource Source { get; set; }
}

public sealed class TaskInspector
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public int InspectorId { get; set; }
    public Organisation.Inspector? Inspector { get; set; }
    public int? DrawId { get; set; }
}
