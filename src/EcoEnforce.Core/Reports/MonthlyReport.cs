namespace EcoEnforce.Reports;

public enum MonthlyReportStatus
{
    /// <summary>草稿: the figures are live; only the header lines are stored.</summary>
    Draft = 0,
    /// <summary>已报送: frozen, waiting for the bureau.</summary>
    Submitted = 1,
    /// <summary>已通过.</summary>
    Approved = 2,
    /// <summary>已退回: the unit corrects it in a new revision.</summary>
    Returned = 3,
    /// <summary>已更正: an approved revision replaced by a later approved one.</summary>
    Superseded = 4,
}

/// <summary>One revision of a unit's monthly report (附表2) for one campaign and month. Submitting freezes the figures
/// and the problem detail into <see cref="SnapshotJson"/>, so later changes to the ledger do not alter what was
/// reported; a correction is a new revision, and every revision stays.</summary>
public sealed class MonthlyReport
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaigns.Campaign? Campaign { get; set; }
    /// <summary>The reporting unit (填报单位).</summary>
    public int UnitId { get; set; }
    public Organisation.Department? Unit { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    /// <summary>1 for the first report of the month, then one more for each correction.</summary>
    public int Revision { get; set; }
    public MonthlyReportStatus Status { get; set; }
    /// <summary>填报人.</summary>
    public string? FiledBy { get; set; }
    /// <summary>联系电话 (personal data: staff and the unit only).</summary>
    public string? Phone { get; set; }
    /// <summary>The form as submitted (<see cref="MonthlySnapshot"/>); null while a draft.</summary>
    public string? SnapshotJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>The bureau's reason for returning it, or a note on approval.</summary>
    public string? ReviewComment { get; set; }
}

/// <summary>A problem the user picked as a typical case (典型案例) for a plan year's summary, with a short write-up.</summary>
public sealed class TypicalCase
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int ProblemId { get; set; }
    public Problems.Problem? Problem { get; set; }
    /// <summary>案例简介 as it should read in the summary; the problem's description when left empty.</summary>
    public string? Summary { get; set; }
    public int SortOrder { get; set; }
    public DateTime ChosenAtUtc { get; set; }
    public required string ChosenBy { get; set; }
}
