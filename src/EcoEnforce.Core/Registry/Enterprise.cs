namespace EcoEnforce.Registry;

public enum SupervisionClass
{
    /// <summary>重点排污单位.</summary>
    KeyPolluter = 0,
    /// <summary>一般排污单位.</summary>
    Ordinary = 1,
    /// <summary>特殊监管对象.</summary>
    Special = 2,
}

public enum PermitManagementType
{
    None = 0,
    /// <summary>重点管理.</summary>
    Key = 1,
    /// <summary>简化管理.</summary>
    Simplified = 2,
    /// <summary>登记管理.</summary>
    Registration = 3,
}

public enum IndustrialPark
{
    None = 0,
    Lidu = 1,
    Longqiao = 2,
    Qingxi = 3,
    Baitao = 4,
}

/// <summary>A regulated entity of the inspection-object registry (检查对象名录库).</summary>
public sealed class Enterprise
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>统一社会信用代码 (GB 32100), unique.</summary>
    public required string CreditCode { get; set; }
    public required string Address { get; set; }
    public int TownshipId { get; set; }
    public Organisation.Department? Township { get; set; }
    public IndustrialPark Park { get; set; }
    /// <summary>WGS-84.</summary>
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>GB/T 4754 code, e.g. C2614.</summary>
    public required string IndustryCode { get; set; }
    public SupervisionClass SupervisionClass { get; set; }
    public PermitManagementType PermitType { get; set; }
    public string? PermitNumber { get; set; }

    public bool IsAutoMonitoringKeyUnit { get; set; }
    public bool IsNuclearTechUser { get; set; }
    /// <summary>辐射安全许可证编号; required for nuclear-technology users.</summary>
    public string? RadiationLicenceNumber { get; set; }
    public bool IsEnvironmentalRisk { get; set; }
    public bool IsChemical { get; set; }
    public bool IsConstructionSite { get; set; }
    public DateOnly? ConstructionStart { get; set; }
    public DateOnly? ConstructionEnd { get; set; }

    /// <summary>Personal data: shown to staff only, never disclosed.</summary>
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }

    public bool IsDemo { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<PositiveListEntry> PositiveListEntries { get; set; } = [];

    public bool IsOnPositiveList(DateOnly day) =>
        PositiveListEntries.Any(e => e.From <= day && day <= e.To);

    /// <summary>Takes every registry field (not the id, timestamps, demo flag or positive list) from another instance,
    /// normalised: what a form or an import row carries.</summary>
    public void CopyFieldsFrom(Enterprise other)
    {
        Name = other.Name.Trim();
        CreditCode = Registry.CreditCode.Normalize(other.CreditCode);
        Address = other.Address.Trim();
        TownshipId = other.TownshipId;
        Park = other.Park;
        Latitude = other.Latitude;
        Longitude = other.Longitude;
        IndustryCode = other.IndustryCode.Trim().ToUpperInvariant();
        SupervisionClass = other.SupervisionClass;
        PermitType = other.PermitType;
        PermitNumber = Clean(other.PermitNumber);
        IsAutoMonitoringKeyUnit = other.IsAutoMonitoringKeyUnit;
        IsNuclearTechUser = other.IsNuclearTechUser;
        RadiationLicenceNumber = Clean(other.RadiationLicenceNumber);
        IsEnvironmentalRisk = other.IsEnvironmentalRisk;
        IsChemical = other.IsChemical;
        IsConstructionSite = other.IsConstructionSite;
        ConstructionStart = other.IsConstructionSite ? other.ConstructionStart : null;
        ConstructionEnd = other.IsConstructionSite ? other.ConstructionEnd : null;
        ContactName = Clean(other.ContactName);
        ContactPhone = Clean(other.ContactPhone);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Membership of the 监督执法正面清单 for a period: lighter on-site supervision.</summary>
public sealed class PositiveListEntry
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public required string Reason { get; set; }
}
