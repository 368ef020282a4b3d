using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Problems;

/// <summary>Enters a problem found on site into the ledger (问题台账).</summary>
public static class OpenProblem
{
    public sealed record Command(
        ProblemCategory Category,
        string? CategoryOther,
        string Description,
        int EnterpriseId,
        TaskSource Source,
        string? SourceOther,
        DateOnly FoundOn,
        int? TaskId,
        int? CampaignId,
        DateOnly? RectificationDeadline,
        int? UnitId = null);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var errors = ProblemRules.CheckClassification(command.Category, command.CategoryOther, command.Source, command.SourceOther);
            var description = (command.Description ?? "").Trim();
            if (description.Length == 0) errors.Add(new(nameof(command.Description), "请填写问题描述"));
            if (description.Length > ProblemRules.DescriptionMaxLength)
                errors.Add(new(nameof(command.Description), $"问题描述不能超过 {ProblemRules.DescriptionMaxLength} 字"));
            var today = ChinaTime.Today(clock);
            if (command.FoundOn > today) errors.Add(new(nameof(command.FoundOn), "发现日期不能晚于今天"));
            if (command.RectificationDeadline < command.FoundOn)
                errors.Add(new(nameof(command.RectificationDeadline), "整改时限不能早于发现问题的日期"));
            if (!await db.Enterprises.AnyAsync(e => e.Id == command.EnterpriseId, ct))
                errors.Add(new(nameof(command.EnterpriseId), "检查对象不存在"));
            if (command.CampaignId is { } campaignId && !await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct))
                errors.Add(new(nameof(command.CampaignId), "专项不存在"));
            if (command.UnitId is { } unitId && !await db.Departments.AnyAsync(d => d.Id == unitId, ct))
                errors.Add(new(nameof(command.UnitId), "承办单位不存在"));
            var unit = command.UnitId;
            if (command.TaskId is { } taskId)
            {
                var task = await db.InspectionTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
                if (task is null) errors.Add(new(nameof(command.TaskId), "检查任务不存在"));
                else if (task.EnterpriseId != command.EnterpriseId) errors.Add(new(nameof(command.TaskId), "检查任务不是对该检查对象的检查"));
                else unit = task.UnitId ?? unit;
            }
            if (errors.Count > 0) return Result<int>.Fail(errors);

            var problem = new Problem
            {
                Category = command.Category,
                CategoryOther = command.Category == ProblemCategory.Other ? ProblemRules.Clean(command.CategoryOther) : null,
                Description = description,
                EnterpriseId = command.EnterpriseId,
                Source = command.Source,
                SourceOther = command.Source == TaskSource.Other ? ProblemRules.Clean(command.SourceOther) : null,
                FoundOn = command.FoundOn,
                TaskId = command.TaskId,
                CampaignId = command.CampaignId,
                UnitId = unit,
                RectificationDeadline = command.RectificationDeadline,
                Status = ProblemStatus.Open,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                CreatedBy = actor.Name,
            };
            var deadline = command.RectificationDeadline is { } d ? $"，整改时限 {d:yyyy-MM-dd}" : "";
            ProblemRules.Record(problem, ProblemEventKind.Opened, command.FoundOn,
                $"现场检查发现问题（{ProblemLabels.Category(problem)}）{deadline}", actor, clock, command.TaskId);
            db.Problems.Add(problem);
            return await ProblemRules.SaveAsync(db, () => problem.Id, ct);
        }
    }
}
