namespace EcoEnforce.Problems;

public enum ProblemEventKind
{
    Opened = 0,
    MeasureAdded = 1,
    RectificationReported = 2,
    VerificationPassed = 3,
    VerificationFailed = 4,
    Closed = 5,
    Reopened = 6,
}

/// <summary>One entry of a problem's timeline; entries are only ever added.</summary>
public sealed class ProblemEvent
{
    public long Id { get; set; }
    public int ProblemId { get; set; }
    public ProblemEventKind Kind { get; set; }
    /// <summary>The day the fact happened (inspection, measure, rectification), not when it was typed in.</summary>
    public DateOnly OccurredOn { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string Actor { get; set; }
    public required string Text { get; set; }
    /// <summary>The follow-up task (回头看) for verification events.</summary>
    public int? TaskId { get; set; }
}
