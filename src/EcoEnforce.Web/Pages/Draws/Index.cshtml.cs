using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Draws;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, IAuthorizationService authorization) : PageModel
{
    public bool CanEdit { get; private set; }
    public bool IsLeader { get; private set; }

    public sealed record Item(Draw Draw, string Campaign, bool Secret, int Drawn);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = await authorization.IsEditorAsync(User);
        IsLeader = DrawAccess.IsLeader(User);
        var draws = await db.Draws.AsNoTracking().Include(d => d.Campaign).OrderByDescending(d => d.Id).Take(200).ToListAsync(ct);
        var items = new List<Item>();
        foreach (var d in draws)
        {
            // Secret draws are listed only to those who may open them.
            if (!await DrawAccess.CanViewAsync(db, User, d, ct)) continue;
            var drawn = d.OutcomeJson is null ? 0 : DrawJson.Deserialize<DrawOutcome>(d.OutcomeJson).Tasks.Count;
            items.Add(new Item(d, d.Campaign!.ShortName, await DrawAccess.IsSecretAsync(db, d, ct), drawn));
        }
        Items = items;
    }
}
