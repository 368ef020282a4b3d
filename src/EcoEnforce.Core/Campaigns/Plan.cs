namespace EcoEnforce.Campaigns;

public enum PlanStatus
{
    Draft = 0,
    /// <summary>Public (事前公开) and frozen.</summary>
    Published = 1,
    /// <summary>A published version replaced by a newer published version; kept as published history.</summary>
    Superseded = 2,
}

/// <summary>An annual enforcement on-site inspection plan (现场检查计划). Versions of one plan share a LineageId;
/// a published version is never edited again.</summary>
public sealed class Plan
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public required string Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public PlanStatus Status { get; set; }
    public int Version { get; set; } = 1;
    /// <summary>Id of the first version; equal to Id for it.</summary>
    public int LineageId { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedBy { get; set; }

    public string NoticeTitle { get; set; } = "";
    public string NoticeAddressees { get; set; } = "";
    public string NoticeBody { get; set; } = "";
    public string Preamble { get; set; } = "";
    public string GeneralRequirements { get; set; } = "";
    /// <summary>The 工作要求 section, headings on their own lines.</summary>
    public string WorkRequirements { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public List<Campaign> Campaigns { get; set; } = [];

    public bool IsEditable => Status == PlanStatus.Draft;
}
