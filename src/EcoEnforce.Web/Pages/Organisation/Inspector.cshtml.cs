using EcoEnforce.Data;
using EcoEnforce.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Organisation;

[Authorize(Policy = Infrastructure.Policies.Editor)]
public sealed class InspectorModel(EcoEnforceDb db, SaveInspector.Handler handler) : PageModel
{
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadDepartmentsAsync(ct);
        if (Id is null) return Page();
        var i = await db.Inspectors.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (i is null) return NotFound();
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

    private async Task LoadDepartmentsAsync(CancellationToken ct) =>
        Departments = await db.Departments.AsNoTracking()
            .Where(d => d.Kind == DepartmentKind.Bureau || d.Kind == DepartmentKind.Section)
            .OrderBy(d => d.SortOrder).ToListAsync(ct);
}
