namespace EcoEnforce.Organisation;

/// <summary>An enforcement officer (执法人员). Only officers holding a valid certificate may inspect.</summary>
public sealed class Inspector
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>执法证号.</summary>
    public required string CertificateNumber { get; set; }
    public DateOnly CertificateValidFrom { get; set; }
    public DateOnly CertificateValidTo { get; set; }
    /// <summary>Personal data: never disclosed.</summary>
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsDemo { get; set; }
    public string? UserId { get; set; }

    public bool HasValidCertificateOn(DateOnly day) =>
        IsActive && CertificateValidFrom <= day && day <= CertificateValidTo;
}
