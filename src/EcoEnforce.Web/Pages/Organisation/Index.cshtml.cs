using EcoEnforce.Web.Infrastructure;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Organisation;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<Inspector> Inspectors { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        Inspectors = await db.Inspectors.AsNoTracking().Include(i => i.Department)
            .OrderBy(i => i.Department!.SortOrder).ThenBy(i => i.CertificateNumber).ToListAsync(ct);
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
        CanEdit = await authorization.IsEditorAsync(User);
    }
}
