namespace EcoEnforce.Disclosure;

public enum PublicationKind
{
    /// <summary>双随机抽查结果: one inspection of a drawn entity.</summary>
    InspectionResult = 0,
    /// <summary>行政处罚决定.</summary>
    PenaltyDecision = 1,
}

public enum PublicationStatus
{
    /// <summary>草稿: being prepared; nothing is public.</summary>
    Draft = 0,
    /// <summary>待审核: the reviewer sees exactly what will be shown.</summary>
    PendingReview = 1,
    /// <summary>已公开.</summary>
    Published = 2,
    /// <summary>已撤回: the public sees that it was withdrawn, when and why, but not the content.</summary>
    Withdrawn = 3,
    /// <summary>已更正: replaced by a later revision; the public sees the latest with a correction note.</summary>
    Superseded = 4,
    /// <summary>退回修改.</summary>
    Returned = 5,
}

/// <summary>One item of 事后公开 as the public sees it. <see cref="ContentJson"/> is the masked, reviewed snapshot and the
/// only thing the public site reads: nothing else of the task, the problem or the party is reachable from outside.
/// A correction is a new revision of the same item (<see cref="ItemKey"/>); the old one stays, superseded.</summary>
public sealed class Publication
{
    public int Id { get; set; }
    public PublicationKind Kind { get; set; }
    /// <summary>"task:12" or "measure:34": what is being disclosed; all revisions of one item share it.</summary>
    public required string ItemKey { get; set; }
    public int Revision { get; set; }
    public PublicationStatus Status { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }
    public int? CampaignId { get; set; }
    public int? TownshipId { get; set; }
    /// <summary>The inspection day or the decision day the deadline counts from.</summary>
    public DateOnly EventOn { get; set; }
    /// <summary>公开时限: 20 working days after an inspection, 7 after a penalty decision.</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>The public content (<see cref="InspectionResultContent"/> or <see cref="PenaltyDecisionContent"/>), masked.
    /// Setting it also sets <see cref="ProblemsFound"/>, so the two never disagree.</summary>
    public required string ContentJson
    {
        get => _contentJson;
        set
        {
            _contentJson = value;
            ProblemsFound = InspectionResultFoundProblems(value);
        }
    }
    private string _contentJson = "";
    /// <summary>For an inspection result, whether it lists problems (the public site's outcome filter, queried by the
    /// database rather than by reading every item's content); null for a penalty decision.</summary>
    public bool? ProblemsFound { get; private set; }
    /// <summary>What the public is told about a correction or a withdrawal.</summary>
    public string? PublicNote { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }

    private static bool? InspectionResultFoundProblems(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && document.RootElement.TryGetProperty("problems", out var problems) && problems.ValueKind == System.Text.Json.JsonValueKind.Array
            ? problems.GetArrayLength() > 0
            : null;
    }
}
