using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Ledger;

/// <summary>Records a problem found at an inspection — usually from a 不符合 answer, whose note becomes the description.</summary>
[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class NewModel(EcoEnforceDb db, OpenProblem.Handler open, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int TaskId { get; set; }
    [BindProperty(SupportsGet = true)] public int? CheckItemId { get; set; }
    [BindProperty] public ProblemCategory Category { get; set; }
    [BindProperty] public string? CategoryOther { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? CampaignId { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }

    public InspectionTask Task { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        if (CheckItemId is { } itemId)
        {
            var answer = await db.ChecklistAnswers.AsNoTracking().Include(a => a.CheckItem)
                .Where(a => a.CheckItemId == itemId && db.InspectionRecords.Any(r => r.Id == a.RecordId && r.TaskId == TaskId)).FirstOrDefaultAsync(ct);
            if (answer is not null)
            {
                Description = answer.Note ?? answer.CheckItem!.Text;
                CampaignId = answer.CheckItem!.CampaignId;
            }
        }
        CampaignId ??= Task.Campaigns.FirstOrDefault()?.CampaignId;
        (Category, CategoryOther) = DefaultCategory();
        Deadline = (Task.InspectedOn ?? ChinaTime.Today(clock)).AddDays(30);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        CampaignId ??= Task.Campaigns.FirstOrDefault()?.CampaignId;
        var result = await open.HandleAsync(new OpenProblem.Command(Category, CategoryOther, Description ?? "", Task.EnterpriseId, Task.Source,
            Task.Source == TaskSource.Other ? Task.SourceNote : null, Task.InspectedOn ?? ChinaTime.Today(clock), Task.Id, CampaignId, Deadline), ct);
        if (result.Succeeded) return Redirect($"/Ledger/{result.Value}");
        Errors = [.. result.Errors.Select(e => e.Message)];
        ModelState.Clear();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Enterprise).Include(t => t.Campaigns).ThenInclude(c => c.Campaign)
            .FirstOrDefaultAsync(t => t.Id == TaskId, ct);
        if (task is null) return NotFound();
        if (!await TaskAccess.CanWorkOnAsync(db, User, TaskId, ct)) return Forbid();
        Task = task;
        return null;
    }

    /// <summary>The campaign suggests the category (水专项 → 水, 核与辐射 → 其他（核与辐射）…); the officer can change it.</summary>
    private (ProblemCategory, string?) DefaultCategory() => Task.Campaigns.FirstOrDefault(c => c.CampaignId == CampaignId)?.Campaign?.Kind switch
    {
        Campaigns.CampaignKind.Water => (ProblemCategory.Water, null),
        Campaigns.CampaignKind.Air => (ProblemCategory.Air, null),
        Campaigns.CampaignKind.HazardousWasteSoil => (ProblemCategory.SolidHazardousWaste, null),
        Campaigns.CampaignKind.ConstructionPermitsNatureReserves => (ProblemCategory.ConstructionProject, null),
        Campaigns.CampaignKind.AutoMonitoringFraud => (ProblemCategory.AutoMonitoring, null),
        Campaigns.CampaignKind.NuclearRadiation => (ProblemCategory.Other, "核与辐射"),
        Campaigns.CampaignKind.NightConstructionNoise => (ProblemCategory.Other, "噪声"),
        Campaigns.CampaignKind.EnvironmentalSafety => (ProblemCategory.Other, "环境安全隐患"),
        _ => (ProblemCategory.Other, null),
    };
}
