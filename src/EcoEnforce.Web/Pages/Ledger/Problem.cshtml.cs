using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Ledger;

/// <summary>One problem: its 附表2 fields, measures, timeline, and the steps to close it — measures, the reported
/// rectification, a 回头看 task, and the verification that closes (or reopens) it.</summary>
[Authorize(Policy = Policies.StaffOrLiaison)]
public sealed class ProblemModel(EcoEnforceDb db, IAuthorizationService authorization, AddMeasure.Handler measures,
    ReportRectification.Handler rectification, RecordVerification.Handler verification, CreateTask.Handler tasks, TimeProvider clock) : PageModel
{
    public Problem Problem { get; private set; } = null!;
    public IReadOnlyList<InspectionTask> FollowUps { get; private set; } = [];
    public bool CanAct { get; private set; }
    public IReadOnlyList<EcoEnforce.Evidence.EvidenceQueries.Item> Evidence { get; private set; } = [];
    public Pages.Evidence.EvidenceUploadForm UploadForm => new(null, Problem.Id, $"/Ledger/{Problem.Id}");
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty] public int Version { get; set; }
    [BindProperty] public MeasureKind Kind { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? DecisionNumber { get; set; }
    [BindProperty] public decimal? FineWan { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int FollowUpTaskId { get; set; }
    [BindProperty] public bool Rectified { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (await LiaisonScope.TownshipAsync(db, User, ct) is { } own && Problem.Enterprise!.TownshipId != own) return Forbid();
        return Page();
    }

    public Task<IActionResult> OnPostMeasureAsync(int id, CancellationToken ct) => ActAsync(id,
        () => measures.HandleAsync(new AddMeasure.Command(id, Kind, On ?? Today, DecisionNumber, FineWan, Note, Version), ct), ct);

    public Task<IActionResult> OnPostRectifiedAsync(int id, CancellationToken ct) => ActAsync(id,
        () => rectification.HandleAsync(new ReportRectification.Command(id, On ?? Today, Note, Version), ct), ct);

    public Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken ct) => ActAsync(id,
        () => verification.HandleAsync(new RecordVerification.Command(id, FollowUpTaskId, Rectified, Note, Version), ct), ct);

    /// <summary>Creates the 回头看 task for this problem, with the team of the inspection that found it.</summary>
    public Task<IActionResult> OnPostFollowUpAsync(int id, CancellationToken ct) => ActAsync(id, async () =>
    {
        var problem = await db.Problems.AsNoTracking().FirstAsync(p => p.Id == id, ct);
        var team = problem.TaskId is { } found
            ? await db.TaskInspectors.Where(i => i.TaskId == found).Select(i => i.InspectorId).ToListAsync(ct)
            : [];
        var campaigns = problem.CampaignId is { } c
            ? [c]
            : await db.TaskCampaigns.Where(x => x.TaskId == problem.TaskId).Select(x => x.CampaignId).ToListAsync(ct);
        var day = On ?? Today;
        var created = await tasks.HandleAsync(new CreateTask.Command(problem.EnterpriseId, TaskSource.Routine, $"回头看：问题 #{problem.Id}", campaigns,
            day, day.AddDays(14), day, InspectionMode.OnSite, false, team), ct);
        if (!created.Succeeded) return created;
        var task = await db.InspectionTasks.FirstAsync(t => t.Id == created.Value, ct);
        task.VerifiesProblemId = problem.Id;
        await db.SaveChangesAsync(ct);
        return created;
    }, ct);

    public DateOnly Today => ChinaTime.Today(clock);

    private async Task<IActionResult> ActAsync(int id, Func<Task<Result<int>>> action, CancellationToken ct)
    {
        if (!await CanActAsync(id, ct)) return Forbid();
        var result = await action();
        if (result.Succeeded) return Redirect($"/Ledger/{id}");
        Errors = [.. result.Errors.Select(e => e.Message)];
        ModelState.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Section chiefs and administrators, and the team of the inspection that found the problem.</summary>
    private async Task<bool> CanActAsync(int id, CancellationToken ct)
    {
        if (await authorization.IsEditorAsync(User)) return true;
        var taskId = await db.Problems.Where(p => p.Id == id).Select(p => p.TaskId).FirstOrDefaultAsync(ct);
        return taskId is { } t && await TaskAccess.CanWorkOnAsync(db, User, t, ct);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var problem = await db.Problems.AsNoTracking().Include(p => p.Enterprise).Include(p => p.Campaign).Include(p => p.Measures).Include(p => p.Events)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null) return false;
        Problem = problem;
        Version = problem.Version;
        FollowUps = await db.InspectionTasks.AsNoTracking().Where(t => t.VerifiesProblemId == id).OrderBy(t => t.Id).ToListAsync(ct);
        CanAct = await CanActAsync(id, ct);
        Evidence = await EcoEnforce.Evidence.EvidenceQueries.ForProblemAsync(db, id, ct);
        return true;
    }
}
