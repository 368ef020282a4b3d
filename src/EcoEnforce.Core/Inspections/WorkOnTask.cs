using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Inspections;

/// <summary>The life of a task on site: start (open the record with the officers present and the position), answer
/// the checklists and write the findings, complete, or cancel with a reason. Every change carries the version the
/// officer saw; a save based on an older one is refused (two phones on one task).</summary>
public static class WorkOnTask
{
    public sealed record Start(int TaskId, int Version, IReadOnlyList<int> PresentInspectorIds, double? Latitude, double? Longitude,
        double? AccuracyMetres, string? EntityRepresentative);

    public sealed record Answer(int CheckItemId, CheckAnswer Value, string? Note);

    public sealed record SaveRecord(int TaskId, int Version, IReadOnlyList<Answer> Answers, string? Findings);

    public sealed record Complete(int TaskId, int Version);

    public sealed record Cancel(int TaskId, int Version, string Reason);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> StartAsync(Start c, CancellationToken ct)
        {
            var task = await LoadAsync(c.TaskId, ct);
            if (task is null) return NotFound();
            if (task.Status != TaskStatus.Planned) return Result<int>.Fail("Status", "只有待检查的任务可以开始检查");
            var today = ChinaTime.Today(clock);
            var (officers, error) = await TaskRules.CertifiedOfficersAsync(db, c.PresentInspectorIds, today, ct);
            if (error is not null) return Result<int>.Fail([error]);
            if (c.Latitude is < -90 or > 90 || c.Longitude is < -180 or > 180) return Result<int>.Fail("Position", "定位坐标无效");
            task.Status = TaskStatus.InProgress;
            db.InspectionRecords.Add(new InspectionRecord
            {
                TaskId = task.Id,
                StartedAtUtc = clock.GetUtcNow().UtcDateTime,
                Latitude = c.Latitude,
                Longitude = c.Longitude,
                AccuracyMetres = c.AccuracyMetres,
                EntityRepresentative = string.IsNullOrWhiteSpace(c.EntityRepresentative) ? null : c.EntityRepresentative.Trim(),
                RecordedBy = actor.Name,
                Present = [.. officers.Select(o => new RecordInspector { InspectorId = o.Id, CertificateNumber = o.CertificateNumber })],
            });
            return await SaveAsync(task, c.Version, ct);
        }

        public async Task<Result<int>> SaveRecordAsync(SaveRecord c, CancellationToken ct)
        {
            var task = await LoadAsync(c.TaskId, ct);
            if (task is null) return NotFound();
            if (task.Status != TaskStatus.InProgress) return Result<int>.Fail("Status", "只有检查中的任务可以填写检查记录");
            var record = await db.InspectionRecords.Include(r => r.Answers).FirstAsync(r => r.TaskId == task.Id, ct);
            var allowed = await CheckItemIdsAsync(task, ct);
            if (c.Answers.FirstOrDefault(a => !allowed.Contains(a.CheckItemId)) is { } stray)
                return Result<int>.Fail("Answers", $"检查项 {stray.CheckItemId} 不属于本任务的专项");
            foreach (var answer in c.Answers)
            {
                var existing = record.Answers.FirstOrDefault(a => a.CheckItemId == answer.CheckItemId);
                if (existing is null) record.Answers.Add(existing = new ChecklistAnswer { CheckItemId = answer.CheckItemId });
                existing.Answer = answer.Value;
                existing.Note = string.IsNullOrWhiteSpace(answer.Note) ? null : answer.Note.Trim();
            }
            if (c.Findings is not null) record.Findings = c.Findings.Trim();
            return await SaveAsync(task, c.Version, ct);
        }

        public async Task<Result<int>> CompleteAsync(Complete c, CancellationToken ct)
        {
            var task = await LoadAsync(c.TaskId, ct);
            if (task is null) return NotFound();
            if (task.Status != TaskStatus.InProgress) return Result<int>.Fail("Status", "只有检查中的任务可以完成");
            var record = await db.InspectionRecords.Include(r => r.Answers).FirstAsync(r => r.TaskId == task.Id, ct);
            var items = await CheckItemIdsAsync(task, ct);
            var missing = items.Count(id => record.Answers.All(a => a.CheckItemId != id));
            if (missing > 0) return Result<int>.Fail("Answers", $"还有 {missing} 个检查项未填写（不涉及的请选“不适用”）");
            if (string.IsNullOrWhiteSpace(record.Findings)) return Result<int>.Fail("Findings", "请填写检查情况（现场检查笔录正文）");
            record.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            task.Status = TaskStatus.Done;
            task.InspectedOn = ChinaTime.Today(clock);
            return await SaveAsync(task, c.Version, ct);
        }

        public async Task<Result<int>> CancelAsync(Cancel c, CancellationToken ct)
        {
            var task = await LoadAsync(c.TaskId, ct);
            if (task is null) return NotFound();
            if (task.Status is TaskStatus.Done or TaskStatus.Cancelled) return Result<int>.Fail("Status", "已完成或已取消的任务不能取消");
            if (string.IsNullOrWhiteSpace(c.Reason)) return Result<int>.Fail("Reason", "取消任务必须说明理由");
            task.Status = TaskStatus.Cancelled;
            task.CancelReason = c.Reason.Trim();
            return await SaveAsync(task, c.Version, ct);
        }

        private Task<InspectionTask?> LoadAsync(int id, CancellationToken ct) =>
            db.InspectionTasks.Include(t => t.Campaigns).FirstOrDefaultAsync(t => t.Id == id, ct);

        private async Task<HashSet<int>> CheckItemIdsAsync(InspectionTask task, CancellationToken ct)
        {
            var campaigns = task.Campaigns.Select(c => c.CampaignId).ToList();
            return [.. await db.Campaigns.Where(c => campaigns.Contains(c.Id)).SelectMany(c => c.CheckItems).Select(i => i.Id).ToListAsync(ct)];
        }

        /// <summary>Saves against the version the officer saw; the version moves on with every change.</summary>
        private async Task<Result<int>> SaveAsync(InspectionTask task, int seenVersion, CancellationToken ct)
        {
            db.Entry(task).Property(t => t.Version).OriginalValue = seenVersion;
            task.Version = seenVersion + 1;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result<int>.Fail([TaskRules.Stale]);
            }
            return Result<int>.Ok(task.Id);
        }

        private static Result<int> NotFound() => Result<int>.Fail("TaskId", "任务不存在");
    }
}
