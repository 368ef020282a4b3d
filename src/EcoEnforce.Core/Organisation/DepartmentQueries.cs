using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Organisation;

public static class DepartmentQueries
{
    /// <summary>Townships and streets (乡镇街道) in the district's order: the choices of every township filter.</summary>
    public static Task<List<Department>> TownshipsAsync(EcoEnforceDb db, CancellationToken ct) =>
        db.Departments.AsNoTracking()
            .Where(d => d.Kind == DepartmentKind.Township || d.Kind == DepartmentKind.Street)
            .OrderBy(d => d.SortOrder).ToListAsync(ct);
}
