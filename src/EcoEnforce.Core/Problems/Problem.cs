using EcoEnforce.Inspections;

namespace EcoEnforce.Problems;

/// <summary>问题类别 as the plan's 附表2 lists them.</summary>
public enum ProblemCategory
{
    /// <summary>水.</summary>
    Water = 0,
    /// <summary>大气.</summary>
    Air = 1,
    /// <summary>固危废.</summary>
    SolidHazardousWaste = 2,
    /// <summary>排污许可.</summary>
    Permit = 3,
    /// <summary>建设项目.</summary>
    ConstructionProject = 4,
    /// <summary>自然保护地.</summary>
    NatureReserve = 5,
    /// <summary>自动监控.</summary>
    AutoMonitoring = 6,
    /// <summary>其他（须说明）.</summary>
    Other = 7,
}

public enum ProblemStatus
{
    /// <summary>待整改.</summary>
    Open = 0,
    /// <summary>已报整改，待回头看核查.</summary>
    AwaitingVerification = 1,
    /// <summary>核查整改到位，已销号.</summary>
    Closed = 2,
}

/// <summary>One problem found on site (问题台账 row). Measures and the timeline are separate facts, so a problem that
/// is reopened after a failed follow-up keeps everything that happened before.</summary>
public sealed class Problem
{
    public int Id { get; set; }
    public ProblemCategory Category { get; set; }
    /// <summary>What "其他" means here; required exactly when <see cref="Category"/> is Other.</summary>
    public string? CategoryOther { get; set; }
    public required string Description { get; set; }
    public int EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    public TaskSource Source { get; set; }
    public string? SourceOther { get; set; }
    /// <summary>The inspection date the problem was found on.</summary>
    public DateOnly FoundOn { get; set; }
    /// <summary>The <see cref="InspectionTask"/> it was found at, when recorded through one.</summary>
    public int? TaskId { get; set; }
    /// <summary>The special campaign whose monthly report (附表2) carries it.</summary>
    public int? CampaignId { get; set; }
    public Campaigns.Campaign? Campaign { get; set; }
    /// <summary>承办单位 whose monthly report carries the problem: the unit of the task it was found at, otherwise the
    /// unit chosen when it was entered.</summary>
    public int? UnitId { get; set; }
    public Organisation.Department? Unit { get; set; }
    public DateOnly? RectificationDeadline { get; set; }
    public ProblemStatus Status { get; set; }
    /// <summary>The rectification date last reported; cleared when a follow-up finds it not done.</summary>
    public DateOnly? RectifiedOn { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>Concurrency token: every change increments it, so of two concurrent edits the second fails.</summary>
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public List<ProblemMeasure> Measures { get; set; } = [];
    public List<ProblemEvent> Events { get; set; } = [];

    /// <summary>The deadline day itself still counts as in time.</summary>
    public bool IsOverdue(DateOnly today) => RectificationDeadline < today && Status != ProblemStatus.Closed;
}
