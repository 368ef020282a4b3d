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
    /// <summary>Completed: the inspection took place and its record is closed.</summary>
    Done = 1,
    Cancelled = 2,
    /// <summary>On site: the record is open.</summary>
    InProgress = 3,
}

public enum InspectionMode
{
    /// <summary>现场检查.</summary>
    OnSite = 0,
    /// <summary>非现场检查（在线监控、视频、资料核查）.</summary>
    OffSite = 1,
    /// <summary>联合检查（多部门、多专项一次进门）.</summary>
    Joint = 2,
}

/// <summary>One visit to one entity (进一次门): the campaigns whose check items it carries, the team, the window.
/// Tasks for the same entity in overlapping windows are merged into one joint inspection rather than duplicated.</summary>
public sealed class InspectionTask
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    /// <summary>承办单位: the unit that carries the inspection out and reports it in its monthly report (附表2) — by
    /// default the lead officer's department. Null only for tasks made before units were recorded.</summary>
    public int? UnitId { get; set; }
    public Organisation.Department? Unit { get; set; }
    public TaskSource Source { get; set; }
    /// <summary>What "其他" means, or the case reference (12345 工单号, 转办文号) for case-triggered tasks.</summary>
    public string? SourceNote { get; set; }
    public InspectionMode Mode { get; set; }
    /// <summary>突击检查: not announced to the entity.</summary>
    public bool Unannounced { get; set; }
    /// <summary>The day the team means to go, within the window.</summary>
    public DateOnly? PlannedOn { get; set; }
    /// <summary>A 回头看: the problem whose rectification this task verifies.</summary>
    public int? VerifiesProblemId { get; set; }
    public DateOnly WindowStart { get; set; }
    public DateOnly WindowEnd { get; set; }
    public TaskStatus Status { get; set; }
    /// <summary>The day the inspection took place, once done.</summary>
    public DateOnly? InspectedOn { get; set; }
    public string? CancelReason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Optimistic concurrency: every change increments it, and a save based on an older version is refused.</summary>
    public int Version { get; set; }
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
