using System.Security.Claims;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using EcoEnforce.Reports;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Reports;

/// <summary>附表1: each reporting unit's 分管负责人 and 联络员 for the year. A liaison officer fills in his own unit; section
/// chiefs and administrators any unit; the export is the unit's form, or every unit's for the bureau.</summary>
[Authorize(Policy = Policies.StaffOrLiaison)]
public sealed class RosterModel(EcoEnforceDb db, Roster.Handler roster, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty] public int DepartmentId { get; set; }
    [BindProperty] public RosterRole Role { get; set; } = RosterRole.Liaison;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Post { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public IReadOnlyList<RosterEntry> Entries { get; private set; } = [];
    public IReadOnlyList<Department> Units { get; private set; } = [];
    /// <summary>The liaison officer's own unit; null for bureau staff.</summary>
    public int? OwnUnit { get; private set; }
    public bool CanEdit { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (!CanEdit || (OwnUnit is { } own && DepartmentId != own)) return Forbid();
        var result = await roster.AddAsync(new Roster.Command(Year, DepartmentId, Role, Name ?? "", Post ?? "", Phone ?? ""), ct);
        if (result.Succeeded) return Redirect($"/Reports/Roster?Year={Year}");
        Errors = [.. result.Errors.Select(e => e.Message)];
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int entryId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var entry = Entries.FirstOrDefault(e => e.Id == entryId);
        if (entry is null) return NotFound();
        if (!CanEdit || (OwnUnit is { } own && entry.DepartmentId != own)) return Forbid();
        await roster.RemoveAsync(entryId, ct);
        return Redirect($"/Reports/Roster?Year={Year}");
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var unit = OwnUnit is { } own ? Units.First(u => u.Id == own).Name : "涪陵区生态环境局（汇总）";
        using var stream = new MemoryStream();
        Roster.WriteXlsx(stream, unit, Entries, User.Identity?.Name, ChinaTime.Today(clock));
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"附表1-{Year}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Year == 0) Year = ChinaTime.Today(clock).Year;
        var staff = await authorization.AuthorizeAsync(User, Policies.Staff);
        if (!staff.Succeeded)
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            OwnUnit = await db.Users.Where(u => u.Id == userId).Select(u => u.DepartmentId).FirstOrDefaultAsync(ct);
            if (OwnUnit is null) return Forbid(); // a liaison officer without a unit has nothing to fill in
        }
        CanEdit = OwnUnit is not null || await authorization.IsEditorAsync(User);
        Units = await db.Departments.AsNoTracking().Where(d => OwnUnit == null || d.Id == OwnUnit).OrderBy(d => d.SortOrder).ToListAsync(ct);
        Entries = await Roster.ListAsync(db, Year, OwnUnit, ct);
        return null;
    }
}
