using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Inspections;

/// <summary>One task, made for a phone on site: start with the officers present (and the position), answer each
/// campaign's checklist, write the findings, complete; or cancel with a reason. Read-only once done.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(EcoEnforceDb db, WorkOnTask.Handler work) : PageModel
{
    public sealed record ChecklistGroup(string Campaign, IReadOnlyList<Campaigns.CheckItem> Items);

    public InspectionTask Task { get; private set; } = null!;
    public InspectionRecord? Record { get; private set; }
    public IReadOnlyList<ChecklistGroup> Checklists { get; private set; } = [];
    public bool CanWork { get; private set; }
    public IReadOnlyList<Problems.Problem> Problems { get; private set; } = [];
    public IReadOnlyList<EcoEnforce.Evidence.EvidenceQueries.Item> Evidence { get; private set; } = [];
    public bool CanAddEvidence { get; private set; }
    public Evidence.EvidenceUploadForm UploadForm => new(Task.Id, null, $"/Inspections/{Task.Id}");
    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<int> Present { get; set; } = [];
    [BindProperty] public double? Latitude { get; set; }
    [BindProperty] public double? Longitude { get; set; }
    [BindProperty] public double? AccuracyMetres { get; set; }
    [BindProperty] public string? Representative { get; set; }
    [BindProperty] public Dictionary<int, CheckAnswer> Answers { get; set; } = [];
    [BindProperty] public Dictionary<int, string?> Notes { get; set; } = [];
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => work.StartAsync(new WorkOnTask.Start(id, Version, Present, Latitude, Longitude, AccuracyMetres, Representative), ct), ct);

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => work.SaveRecordAsync(new WorkOnTask.SaveRecord(id, Version, AnswersPosted(), Findings), ct), ct);

    public Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken ct) => ActAsync(id, async () =>
    {
        // What is on the screen is saved first, so "完成" never loses the last answers.
        var saved = await work.SaveRecordAsync(new WorkOnTask.SaveRecord(id, Version, AnswersPosted(), Findings), ct);
        return saved.Succeeded ? await work.CompleteAsync(new WorkOnTask.Complete(id, Version + 1), ct) : saved;
    }, ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        ActAsync(id, () => work.CancelAsync(new WorkOnTask.Cancel(id, Version, Reason ?? ""), ct), ct);

    private List<WorkOnTask.Answer> AnswersPosted() =>
        [.. Answers.Select(a => new WorkOnTask.Answer(a.Key, a.Value, Notes.GetValueOrDefault(a.Key)))];

    private async Task<IActionResult> ActAsync(int id, Func<Task<Common.Result<int>>> action, CancellationToken ct)
    {
        if (!await TaskAccess.CanWorkOnAsync(db, User, id, ct)) return Forbid();
        var result = await action();
        if (result.Succeeded) return Redirect($"/Inspections/{id}");
        Errors = [.. result.Errors.Select(e => e.Message)];
        return await LoadAsync(id, ct, keepPosted: true) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct, bool keepPosted = false)
    {
        if (!await TaskQueries.CanViewAsync(db, User, id, ct)) return await db.InspectionTasks.AnyAsync(t => t.Id == id, ct) ? Forbid() : NotFound();
        var task = await db.InspectionTasks.AsNoTracking()
            .Include(t => t.Enterprise!).ThenInclude(e => e.Township).Include(t => t.Unit)
            .Include(t => t.Campaigns).ThenInclude(c => c.Campaign!).ThenInclude(c => c.CheckItems)
            .Include(t => t.Inspectors).ThenInclude(i => i.Inspector!).ThenInclude(i => i.Department)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return NotFound();
        Task = task;
        Record = await db.InspectionRecords.AsNoTracking().Include(r => r.Answers).Include(r => r.Present).ThenInclude(p => p.Inspector)
            .FirstOrDefaultAsync(r => r.TaskId == id, ct);
        Checklists = [.. task.Campaigns.Select(c => new ChecklistGroup(c.Campaign!.ShortName, [.. c.Campaign.CheckItems.OrderBy(i => i.SortOrder)]))];
        CanWork = await TaskAccess.CanWorkOnAsync(db, User, id, ct);
        Problems = await db.Problems.AsNoTracking().Where(p => p.TaskId == id).OrderBy(p => p.Id).ToListAsync(ct);
        Evidence = await EcoEnforce.Evidence.EvidenceQueries.ForTaskAsync(db, id, ct);
        CanAddEvidence = task.Status is EcoEnforce.Inspections.TaskStatus.InProgress or EcoEnforce.Inspections.TaskStatus.Done
            && await EcoEnforce.Evidence.EvidenceAccess.CanAddAsync(db, User, id, null, ct);
        if (!keepPosted)
        {
            Version = task.Version;
            Present = [.. task.Inspectors.Select(i => i.InspectorId)];
            Findings = Record?.Findings;
            Answers = Record?.Answers.ToDictionary(a => a.CheckItemId, a => a.Answer) ?? [];
            Notes = Record?.Answers.ToDictionary(a => a.CheckItemId, a => a.Note) ?? [];
        }
        else
        {
            ModelState.Clear(); // show what was posted, with the handler's own messages
        }
        return null;
    }
}
