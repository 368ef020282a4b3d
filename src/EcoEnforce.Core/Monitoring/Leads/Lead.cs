namespace EcoEnforce.Monitoring.Leads;

public enum LeadStatus
{
    /// <summary>待处理.</summary>
    Open = 0,
    /// <summary>已排除: a reason is kept and counts against the signature's thresholds.</summary>
    Dismissed = 1,
    /// <summary>已生成检查任务.</summary>
    Tasked = 2,
}

/// <summary>Why a lead was dismissed: whether the detector was wrong (which raises its bar at that outlet) or right
/// about data that has an innocent explanation.</summary>
public enum DismissKind
{
    /// <summary>误报：数据实际正常.</summary>
    FalseAlarm = 0,
    /// <summary>工况变化可以解释（停炉、降负荷、燃料更换等）.</summary>
    ExplainedByOperation = 1,
    /// <summary>检修、校准等已按规定备案：数据确有异常，但有合法原因.</summary>
    RecordedMaintenance = 2,
    /// <summary>其他.</summary>
    Other = 3,
}

/// <summary>A suspicious stretch of an outlet's monitoring data (线索), found by a detector: the inspection lead the
/// seventh campaign asks for. One lead per outlet, signature, quantity and start, so re-scans do not duplicate it.</summary>
public sealed class Lead
{
    public long Id { get; set; }
    public int MonitoringPointId { get; set; }
    public MonitoringPoint? MonitoringPoint { get; set; }
    public int EnterpriseId { get; set; }
    public required string Signature { get; set; }
    /// <summary>The HJ 212 code of the series it was seen in.</summary>
    public required string PollutantCode { get; set; }
    public ReadingKind Kind { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime ToUtc { get; set; }
    public double Score { get; set; }
    public required string Explanation { get; set; }
    public DateTime DetectedAtUtc { get; set; }
    public LeadStatus Status { get; set; }
    public DismissKind? DismissKind { get; set; }
    public string? DismissReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public int? TaskId { get; set; }
}
