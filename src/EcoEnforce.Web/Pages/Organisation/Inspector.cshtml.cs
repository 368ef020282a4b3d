using EcoEnforce.Data;
using EcoEnforce.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Organisation;

[Authorize(Policy = Infrastructure.Policies.Editor)]
public sealed class InspectorModel(EcoEnforceDb db, SaveInspector.Handler handler, DeclareConflict.Handler conflicts, TimeProvider clock) : PageModel
{
    public sealed record ConflictRow(int Id, string EntityName, string CreditCode, string Reason, DateOnly DeclaredOn);
    public sealed class InputModel
    {
        public string Name { get; set; } = "";
        public int DepartmentId { get; set; }
        public string CertificateNumber { get; set; } = "";
        public DateOnly ValidFrom { get; set; }
        public DateOnly ValidTo { get; set; }
        public string? Phone { get; set; }
        public bool IsActive { get; set; } = true;
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<ConflictRow> Conflicts { get; private set; } = [];
    [BindProperty] public string? ConflictCreditCode { get; set; }
    [BindProperty] public string? ConflictReason { get; set; }
    public IReadOnlyList<string> ConflictErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadDepartmentsAsync(ct);
        if (Id is null) return Page();
        var i = await db.Inspectors.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (i is null) return NotFound();
        await LoadConflictsAsync(ct);
        Input = new InputModel
        {
            Name = i.Name, DepartmentId = i.DepartmentId, CertificateNumber = i.CertificateNumber, ValidFrom = i.CertificateValidFrom,
            ValidTo = i.CertificateValidTo, Phone = i.Phone, IsActive = i.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(new SaveInspector.Command(
                Id, Input.Name ?? "", Input.DepartmentId, Input.CertificateNumber ?? "", Input.ValidFrom, Input.ValidTo, Input.Phone, Input.IsActive), ct);
            if (result.Succeeded) return Redirect("/Organisation");
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Message);
        }
        await LoadDepartmentsAsync(ct);
        return Page();
    }

    /// <summary>Declares a conflict (回避): the officer is never drawn for that entity.</summary>
    public async Task<IActionResult> OnPostConflictAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var result = await conflicts.HandleAsync(new DeclareConflict.Command(id, ConflictCreditCode ?? "", ConflictReason ?? "", Common.ChinaTime.Today(clock)), ct);
        if (result.Succeeded) return Redirect($"/Organisation/Inspector/{id}#conflicts");
        ConflictErrors = [.. result.Errors.Select(e => e.Message)];
        ModelState.Clear(); // the officer's own form was not posted; only the conflict's errors are shown
        return await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostWithdrawConflictAsync(int conflictId, CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        if (!await db.InspectorConflicts.AnyAsync(c => c.Id == conflictId && c.InspectorId == id, ct)) return NotFound();
        await conflicts.WithdrawAsync(conflictId, ct);
        return Redirect($"/Organisation/Inspector/{id}#conflicts");
    }

    private async Task LoadConflictsAsync(CancellationToken ct) =>
        Conflicts = await db.InspectorConflicts.AsNoTracking().Where(c => c.InspectorId == Id).OrderBy(c => c.Id)
            .Select(c => new ConflictRow(c.Id, c.Enterprise!.Name, c.Enterprise.CreditCode, c.Reason, c.DeclaredOn))
            .ToListAsync(ct);

    private async Task LoadDepartmentsAsync(CancellationToken ct) =>
        Departments = await db.Departments.AsNoTracking()
            .Where(d => d.Kind == DepartmentKind.Bureau || d.Kind == DepartmentKind.Section)
            .OrderBy(d => d.SortOrder).ToListAsync(ct);
}
