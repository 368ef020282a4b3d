using Microsoft.AspNetCore.Identity;

namespace EcoEnforce.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The unit a liaison officer reports for; liaison officers see only their own unit.</summary>
    public int? DepartmentId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Role names are stable identifiers; <see cref="Labels"/> gives the Chinese names shown to people.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Leader = "Leader";
    public const string SectionChief = "SectionChief";
    public const string Inspector = "Inspector";
    public const string Liaison = "Liaison";
    public const string Viewer = "Viewer";

    public static readonly string[] All = [Admin, Leader, SectionChief, Inspector, Liaison, Viewer];

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Admin] = "管理员",
        [Leader] = "局领导",
        [SectionChief] = "科室负责人",
        [Inspector] = "执法人员",
        [Liaison] = "联络员",
        [Viewer] = "查阅",
    };

    /// <summary>Roles that may change the registry and plans.</summary>
    public const string Editors = Admin + "," + SectionChief;
    /// <summary>Bureau staff: everyone but a liaison officer of another unit.</summary>
    public const string Staff = Admin + "," + Leader + "," + SectionChief + "," + Inspector + "," + Viewer;
}
