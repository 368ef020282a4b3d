namespace EcoEnforce.Complaints;

/// <summary>How a complaint reached the bureau.</summary>
public enum ComplaintChannel
{
    /// <summary>12345 政务服务便民热线.</summary>
    Hotline12345 = 0,
    /// <summary>12369 环保举报热线.</summary>
    Hotline12369 = 1,
    /// <summary>来信.</summary>
    Letter = 2,
    /// <summary>来访.</summary>
    Visit = 3,
    /// <summary>网络（网站、公众号）.</summary>
    Online = 4,
    Other = 5,
}

public enum ComplaintCategory
{
    /// <summary>噪声.</summary>
    Noise = 0,
    /// <summary>水.</summary>
    Water = 1,
    /// <summary>大气（含臭味、油烟、粉尘）.</summary>
    Air = 2,
    /// <summary>固废.</summary>
    SolidWaste = 3,
    Other = 4,
}

public enum MatchMethod
{
    None = 0,
    Coordinates = 1,
    Address = 2,
    Manual = 3,
}

public enum MatchStatus
{
    /// <summary>自动匹配: confident enough to need no human check.</summary>
    Auto = 0,
    /// <summary>待人工确认.</summary>
    NeedsReview = 1,
    /// <summary>已确认 by a person.</summary>
    Confirmed = 2,
    /// <summary>未匹配: no candidate at all.</summary>
    Unmatched = 3,
}

public enum ComplaintStatus
{
    /// <summary>待处理.</summary>
    Open = 0,
    /// <summary>已派发检查任务.</summary>
    TaskCreated = 1,
    /// <summary>已办结.</summary>
    Closed = 2,
    /// <summary>已并入另一件（重复投诉）.</summary>
    Merged = 3,
}

/// <summary>One complaint (投诉举报) from the 12345 hotline export, a 12369 call, a letter or a visit.
/// The complainant's name and phone are personal data: staff see them on the item page only, masked in lists,
/// never shown to liaison officers or published.</summary>
public sealed class Complaint
{
    public int Id { get; set; }
    public ComplaintChannel Channel { get; set; }
    /// <summary>工单编号; unique per channel when present.</summary>
    public string? ExternalNumber { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public required string Text { get; set; }
    public string? Address { get; set; }
    /// <summary>WGS-84, as given by the complainant or the hotline.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? ComplainantName { get; set; }
    public string? ComplainantPhone { get; set; }

    public ComplaintCategory SuggestedCategory { get; set; }
    /// <summary>Set when staff confirm (or correct) the suggestion.</summary>
    public ComplaintCategory? Category { get; set; }
    /// <summary>Received between 22:00 and 06:00 China time.</summary>
    public bool IsNight { get; set; }
    /// <summary>Inside 300 m of an exam venue during its exam dates (or the night before).</summary>
    public bool IsUrgent { get; set; }
    /// <summary>The exam venue and period that made it urgent, for the list.</summary>
    public string? UrgentReason { get; set; }

    public int? EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    public MatchMethod MatchMethod { get; set; }
    /// <summary>0–1.</summary>
    public double MatchConfidence { get; set; }
    public MatchStatus MatchStatus { get; set; }

    /// <summary>The earliest complaint about the same event; this one is merged into it.</summary>
    public int? DuplicateOfId { get; set; }
    public Complaint? DuplicateOf { get; set; }
    public int? TownshipId { get; set; }
    public Organisation.Department? Township { get; set; }
    public ComplaintStatus Status { get; set; }
    public int? TaskId { get; set; }

    public bool IsDemo { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public ComplaintCategory EffectiveCategory => Category ?? SuggestedCategory;
}
