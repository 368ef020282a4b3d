using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Inspections;

/// <summary>A task that does not come from a draw: a complaint, a referral, a data lead, a transfer, routine checking.
/// Case-triggered tasks go ahead even for positive-list entities.</summary>
public static class CreateTask
{
    public sealed record Command(int EnterpriseId, TaskSource Source, string? SourceNote, IReadOnlyList<int> CampaignIds, DateOnly WindowStart,
        DateOnly WindowEnd, DateOnly? PlannedOn, InspectionMode Mode, bool Unannounced, IReadOnlyList<int> InspectorIds,
        /// <summary>承办单位 when it is not the lead officer's department, e.g. a township leading a joint inspection.</summary>
        int? UnitId = null);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(Command c, CancellationToken ct)
        {
            var errors = new List<FieldError>();
            if (c.Source == TaskSource.RandomDraw) errors.Add(new("Source", "双随机任务只能由抽取产生"));
            if (c.Source == TaskSource.Other && string.IsNullOrWhiteSpace(c.SourceNote)) errors.Add(new("SourceNote", "来源为“其他”时请说明具体情况"));
            if (c.WindowEnd < c.WindowStart) errors.Add(new("WindowEnd", "检查时段的结束日期早于开始日期"));
            if (c.PlannedOn is { } day && (day < c.WindowStart || day > c.WindowEnd)) errors.Add(new("PlannedOn", "计划检查日期应在检查时段内"));
            if (!await db.Enterprises.AnyAsync(e => e.Id == c.EnterpriseId, ct)) errors.Add(new("EnterpriseId", "检查对象不存在"));
            if (c.UnitId is { } unit && !await db.Departments.AnyAsync(d => d.Id == unit, ct)) errors.Add(new("UnitId", "承办单位不存在"));
            var campaigns = c.CampaignIds.Distinct().ToList();
            if (campaigns.Count == 0) errors.Add(new("CampaignIds", "请至少选择一个专项"));
            else if (await db.Campaigns.CountAsync(x => campaigns.Contains(x.Id), ct) != campaigns.Count) errors.Add(new("CampaignIds", "所选专项不存在"));
            var (officers, officerError) = await TaskRules.CertifiedOfficersAsync(db, c.InspectorIds, c.PlannedOn ?? c.WindowStart, ct);
            if (officerError is not null) errors.Add(officerError);
            if (errors.Count > 0) return Result<int>.Fail(errors);

            var task = new InspectionTask
            {
                EnterpriseId = c.EnterpriseId,
                // The first officer named leads the team; his department carries the task in its monthly report.
                UnitId = c.UnitId ?? officers.First(o => o.Id == c.InspectorIds[0]).DepartmentId,
                Source = c.Source,
                SourceNote = string.IsNullOrWhiteSpace(c.SourceNote) ? null : c.SourceNote.Trim(),
                Mode = campaigns.Count > 1 ? InspectionMode.Joint : c.Mode,
                Unannounced = c.Unannounced,
                PlannedOn = c.PlannedOn,
                WindowStart = c.WindowStart,
                WindowEnd = c.WindowEnd,
                Status = TaskStatus.Planned,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                Campaigns = [.. campaigns.Select(id => new TaskCampaign { CampaignId = id, Source = c.Source })],
                Inspectors = [.. officers.Select(o => new TaskInspector { InspectorId = o.Id })],
            };
            db.InspectionTasks.Add(task);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(task.Id);
        }
    }
}
