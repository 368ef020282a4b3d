namespace EcoEnforce.Complaints;

/// <summary>The thresholds of matching, duplicate merging and hot-spot clustering; bound from the configuration
/// section <c>ComplaintOptions</c> (e.g. <c>ComplaintOptions__HotSpotEpsMetres=500</c>). docs/complaints.md explains each.</summary>
public sealed class ComplaintOptions
{
    public const string Section = "ComplaintOptions";

    /// <summary>An entity further than this from the complaint's coordinates is not a coordinate match.</summary>
    public double MatchRadiusMetres { get; set; } = 500;
    /// <summary>At or above: 自动匹配. Below, down to <see cref="ReviewFloor"/>: 待人工确认.</summary>
    public double AutoMatchConfidence { get; set; } = 0.7;
    /// <summary>Below: 未匹配 (no candidate worth a person's time).</summary>
    public double ReviewFloor { get; set; } = 0.3;

    /// <summary>Complaints about the same event: this close (or the same matched entity) …</summary>
    public double DuplicateMetres { get; set; } = 200;
    /// <summary>… within this many hours of the first …</summary>
    public double DuplicateHours { get; set; } = 24;
    /// <summary>… and with texts at least this alike (bigram Dice, 0–1).</summary>
    public double DuplicateTextSimilarity { get; set; } = 0.2;

    /// <summary>DBSCAN: two complaints are neighbours when (distance/eps m)² + (days apart/eps days)² ≤ 1.</summary>
    public double HotSpotEpsMetres { get; set; } = 300;
    public double HotSpotEpsDays { get; set; } = 7;
    /// <summary>A core complaint has at least this many neighbours, itself included.</summary>
    public int HotSpotMinPoints { get; set; } = 3;

    /// <summary>Round exam venues during exams (the plan's 300 m).</summary>
    public double ExamZoneMetres { get; set; } = 300;
}
