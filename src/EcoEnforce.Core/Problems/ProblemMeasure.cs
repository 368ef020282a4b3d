namespace EcoEnforce.Problems;

/// <summary>The measures 附表2 asks about, one column each.</summary>
public enum MeasureKind
{
    /// <summary>批评教育.</summary>
    CriticismEducation = 0,
    /// <summary>约谈并收承诺书.</summary>
    Interview = 1,
    /// <summary>书面责令改正.</summary>
    WrittenOrder = 2,
    /// <summary>行政处罚.</summary>
    Penalty = 3,
    /// <summary>移送拘留.</summary>
    Detention = 4,
    /// <summary>移送刑事案件.</summary>
    CriminalReferral = 5,
    /// <summary>依法申请关停.</summary>
    ClosureApplication = 6,
}

/// <summary>A measure taken on a problem, as its own dated fact; the form's 是/否 columns are derived from these.</summary>
public sealed class ProblemMeasure
{
    public int Id { get; set; }
    public int ProblemId { get; set; }
    public MeasureKind Kind { get; set; }
    public DateOnly TakenOn { get; set; }
    /// <summary>行政处罚决定书文号; penalties only.</summary>
    public string? DecisionNumber { get; set; }
    /// <summary>罚款金额 in 万元 (10,000 yuan) as the form asks, at most 4 decimals so it is exact to the yuan.</summary>
    public decimal? FineWan { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedBy { get; set; }
}
