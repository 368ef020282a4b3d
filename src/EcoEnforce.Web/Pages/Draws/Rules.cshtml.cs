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
    /// <summary>The check items (抽查事项) of each campaign a rule set serves: with the rules' object pool and the officer
    /// pool they make the 一单两库.</summary>
    public IReadOnlyDictionary<int, List<string>> CheckItems { get; private set; } = new Dictionary<int, List<string>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = await authorization.IsEditorAsync(User);
        RuleSets = await db.DrawRuleSets.AsNoTracking().Include(r => r.Campaign).OrderByDescending(r => r.IsExample).ThenBy(r => r.Id).ToListAsync(ct);
        Departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ShortName, ct);
        var campaigns = RuleSets.Select(r => r.CampaignId).OfType<int>().Distinct().ToList();
        CheckItems = (await db.Campaigns.AsNoTracking().Where(c => campaigns.Contains(c.Id))
                .Select(c => new { c.Id, Items = c.CheckItems.OrderBy(i => i.SortOrder).Select(i => i.Text).ToList() }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => c.Items);
    }
}
