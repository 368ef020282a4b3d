namespace EcoEnforce.Campaigns;

public enum CampaignKind
{
    Water = 0,
    Air = 1,
    NightConstructionNoise = 2,
    HazardousWasteSoil = 3,
    ConstructionPermitsNatureReserves = 4,
    NuclearRadiation = 5,
    AutoMonitoringFraud = 6,
    EnvironmentalSafety = 7,
}

/// <summary>A special enforcement campaign (专项执法现场检查计划) of a plan, with its annex where it has one.</summary>
public sealed class Campaign
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int SortOrder { get; set; }
    public CampaignKind Kind { get; set; }
    public required string Title { get; set; }
    public required string ShortName { get; set; }
    public string? LegalBasis { get; set; }
    public string Scope { get; set; } = "";
    public string Focus { get; set; } = "";
    public string Schedule { get; set; } = "";
    public string Participants { get; set; } = "";

    public int? AnnexNumber { get; set; }
    public string? AnnexTitle { get; set; }
    public string? AnnexText { get; set; }
    public string? AnnexContactName { get; set; }
    public string? AnnexContactPhone { get; set; }
    public string? AnnexContactEmail { get; set; }
    /// <summary>How many units the annex says are to be inspected (84 nuclear users, 52 key units).</summary>
    public int? TargetUnitCount { get; set; }
    public string? TargetUnitNote { get; set; }

    public List<CampaignPhase> Phases { get; set; } = [];
    public List<CheckItem> CheckItems { get; set; } = [];
    public List<ReportingDeadline> ReportingDeadlines { get; set; } = [];
    public List<CampaignDepartment> Departments { get; set; } = [];
}

public sealed class CampaignPhase
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    /// <summary>"plan" for the main text, "annex1".."annex3" for an annex.</summary>
    public required string Source { get; set; }
    public string? Description { get; set; }
}

/// <summary>An item of the campaign's checklist (检查重点 / 检查事项).</summary>
public sealed class CheckItem
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int SortOrder { get; set; }
    public required string Text { get; set; }
}

public enum ReportingKind
{
    LiaisonRoster = 0,
    Monthly = 1,
    Summary = 2,
}

public sealed class ReportingDeadline
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public ReportingKind Kind { get; set; }
    public DateOnly? Due { get; set; }
    /// <summary>For monthly reports: due by this day of each month.</summary>
    public int? DayOfMonth { get; set; }
    public required string Text { get; set; }
}

/// <summary>A department taking part in a campaign (参与部门).</summary>
public sealed class CampaignDepartment
{
    public int CampaignId { get; set; }
    public int DepartmentId { get; set; }
    public Organisation.Department? Department { get; set; }
}
