using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Draws;

[Authorize(Policy = Policies.Staff)]
public sealed class RulesModel(EcoEnforceDb db, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<DrawRuleSet> RuleSets { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Departments { get; private set; } = new Dictionary<int, string>();
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = await authorization.IsEditorAsync(User);
        RuleSets = await db.DrawRuleSets.AsNoTracking().Include(r => r.Campaign).OrderByDescending(r => r.IsExample).ThenBy(r => r.Id).ToListAsync(ct);
        Departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ShortName, ct);
    }
}
