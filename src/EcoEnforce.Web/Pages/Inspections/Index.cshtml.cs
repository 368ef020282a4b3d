using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Organisation;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Inspections;

/// <summary>The task board: "my tasks" first (what an officer opens on his phone), then every task for leaders, by
/// status, campaign, township or source.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int MaxRows = 500;

    [BindProperty(SupportsGet = true)] public bool Mine { get; set; } = true;
    [BindProperty(SupportsGet = true)] public EcoEnforce.Inspections.TaskStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? CampaignId { get; set; }
    [BindProperty(SupportsGet = true)] public int? TownshipId { get; set; }
    [BindProperty(SupportsGet = true)] public TaskSource? Source { get; set; }

    public IReadOnlyList<TaskQueries.Row> Rows { get; private set; } = [];
    public IReadOnlyList<Campaigns.Campaign> CampaignChoices { get; private set; } = [];
    public IReadOnlyList<Department> Townships { get; private set; } = [];
    public bool IsLeader { get; private set; }
    public bool CanCreate { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>Problems found by the user's own teams whose deadline has passed: the follow-up is theirs to arrange.</summary>
    public IReadOnlyList<Problems.Problem> MyOverdue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsLeader = EcoEnforce.Draws.DrawAccess.IsLeader(User);
        CanCreate = await authorization.IsEditorAsync(User);
        if (!IsLeader) Mine = true;
        Today = Common.ChinaTime.Today(clock);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var today = Today;
        MyOverdue = await db.Problems.AsNoTracking().Include(p => p.Enterprise)
            .Where(p => p.Status != Problems.ProblemStatus.Closed && p.RectificationDeadline != null && p.RectificationDeadline < today
                && db.TaskInspectors.Any(i => i.TaskId == p.TaskId && i.Inspector!.UserId == userId && userId != null))
            .OrderBy(p => p.RectificationDeadline).Take(50).ToListAsync(ct);
        Rows = await TaskQueries.ListAsync(db, User, new TaskQueries.Filter(Mine, Status, CampaignId, TownshipId, Source), MaxRows, ct);
        CampaignChoices = await EcoEnforce.Campaigns.PlanQueries.CurrentCampaignsAsync(db, ct);
        Townships = await EcoEnforce.Organisation.DepartmentQueries.TownshipsAsync(db, ct);
    }
}
