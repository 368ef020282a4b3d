using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Inspections;

/// <summary>The 现场检查笔录 as a printable document: who, when, where, each check item's answer, the findings, and the
/// signature lines for the officers and the entity's representative.</summary>
[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class RecordModel(EcoEnforceDb db) : PageModel
{
    public InspectionTask Task { get; private set; } = null!;
    public InspectionRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await TaskQueries.CanViewAsync(db, User, id, ct)) return await db.InspectionTasks.AnyAsync(t => t.Id == id, ct) ? Forbid() : NotFound();
        var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Enterprise).Include(t => t.Campaigns).ThenInclude(c => c.Campaign)
            .AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct);
        var record = await db.InspectionRecords.AsNoTracking().Include(r => r.Present).ThenInclude(p => p.Inspector)
            .Include(r => r.Answers).ThenInclude(a => a.CheckItem).AsSplitQuery().FirstOrDefaultAsync(r => r.TaskId == id, ct);
        if (task is null || record is null) return NotFound();
        (Task, Record) = (task, record);
        return Page();
    }
}
