using EcoEnforce.Auditing;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Admin;

[Authorize(Policy = Infrastructure.Policies.Admin)]
public sealed class AuditModel(EcoEnforceDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(a => a.Actor == Actor.Trim());
        if (!string.IsNullOrWhiteSpace(EntityType)) query = query.Where(a => a.EntityType == EntityType.Trim());
        Entries = await query.OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }
}
