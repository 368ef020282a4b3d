using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Complaints;

/// <summary>"生成检查任务": a hot spot becomes one inspection task per entity its complaints are about (source 投诉举报,
/// the 工单号 in the note), made by the ordinary task-creation code, all in one transaction: either every entity
/// gets its task and every complaint records it, or nothing changes.</summary>
public static class CreateHotSpotTasks
{
    public sealed record Command(IReadOnlyList<int> ComplaintIds, int CampaignId, IReadOnlyList<int> InspectorIds, DateOnly WindowStart, DateOnly WindowEnd);

    private const int NoteLength = 200;

    public sealed class Handler(EcoEnforceDb db, CreateTask.Handler createTask)
    {
        public async Task<Result<IReadOnlyList<int>>> HandleAsync(Command c, CancellationToken ct)
        {
            var ids = c.ComplaintIds.Distinct().ToList();
            var complaints = await db.Complaints
                .Where(x => ids.Contains(x.Id) || (x.DuplicateOfId != null && ids.Contains(x.DuplicateOfId.Value)))
                .ToListAsync(ct);
            if (complaints.Count(x => ids.Contains(x.Id)) != ids.Count) return Fail("ComplaintIds", "热点中的投诉不存在");
            var trusted = complaints.Where(x => x.EnterpriseId is not null && x.MatchStatus is MatchStatus.Auto or MatchStatus.Confirmed).ToList();
            if (trusted.Count == 0)
                return Fail("ComplaintIds", "热点中的投诉没有已匹配的检查对象，请先在“待人工确认”中确认对象");
            if (trusted.All(x => x.TaskId is not null)) return Fail("ComplaintIds", "该热点已生成过检查任务");

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var created = new List<int>();
            foreach (var group in trusted.GroupBy(x => x.EnterpriseId!.Value).OrderBy(g => g.Key))
            {
                var numbers = group.OrderBy(x => x.ReceivedAtUtc).Select(x => x.ExternalNumber ?? $"#{x.Id}").Distinct().ToList();
                var note = "投诉热点，工单号：" + string.Join("、", numbers);
                if (note.Length > NoteLength) note = note[..(NoteLength - 1)] + "…";
                var result = await createTask.HandleAsync(new CreateTask.Command(group.Key, TaskSource.Complaint, note, [c.CampaignId],
                    c.WindowStart, c.WindowEnd, null, InspectionMode.OnSite, Unannounced: true, c.InspectorIds), ct);
                if (!result.Succeeded)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return Result<IReadOnlyList<int>>.Fail(result.Errors);
                }
                created.Add(result.Value);
                foreach (var complaint in group)
                {
                    complaint.TaskId = result.Value;
                    if (complaint.Status == ComplaintStatus.Open) complaint.Status = ComplaintStatus.TaskCreated;
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Result<IReadOnlyList<int>>.Ok(created);
        }

        private static Result<IReadOnlyList<int>> Fail(string field, string message) => Result<IReadOnlyList<int>>.Fail(field, message);
    }
}
