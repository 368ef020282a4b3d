using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;
using TaskStatus = EcoEnforce.Inspections.TaskStatus;

namespace EcoEnforce.Problems;

/// <summary>The result of the follow-up visit (回头看): a problem is closed (销号) only on the word of a done inspection
/// of the same enterprise; if it is not fixed it opens again, its history kept.</summary>
public static class RecordVerification
{
    public sealed record Command(int ProblemId, int FollowUpTaskId, bool Rectified, string? Note, int? ExpectedVersion = null);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var (problem, error) = await ProblemRules.LoadForChangeAsync(db, command.ProblemId, command.ExpectedVersion, ct);
            if (problem is null) return Result<int>.Fail([error!]);
            if (problem.Status != ProblemStatus.AwaitingVerification)
                return Result<int>.Fail("Status", problem.Status == ProblemStatus.Closed ? "该问题已销号" : "该问题尚未报告整改完成，不能核查");
            var task = await db.InspectionTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.FollowUpTaskId, ct);
            var taskError = CheckTask(task, problem);
            if (taskError is not null) return Result<int>.Fail(nameof(command.FollowUpTaskId), taskError);
            var note = ProblemRules.Clean(command.Note);
            if (!command.Rectified && note is null) return Result<int>.Fail(nameof(command.Note), "请说明未整改到位的情况");
            if (note?.Length > ProblemRules.NoteMaxLength) return Result<int>.Fail(nameof(command.Note), $"核查情况不能超过 {ProblemRules.NoteMaxLength} 字");

            var on = task!.InspectedOn!.Value;
            var suffix = note is null ? "" : $"：{note}";
            if (command.Rectified)
            {
                problem.Status = ProblemStatus.Closed;
                problem.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
                ProblemRules.Record(problem, ProblemEventKind.VerificationPassed, on, $"回头看核查整改到位{suffix}", actor, clock, task.Id);
                ProblemRules.Record(problem, ProblemEventKind.Closed, on, "问题销号", actor, clock, task.Id);
            }
            else
            {
                problem.Status = ProblemStatus.Open;
                problem.RectifiedOn = null;
                ProblemRules.Record(problem, ProblemEventKind.VerificationFailed, on, $"回头看核查未整改到位{suffix}", actor, clock, task.Id);
                ProblemRules.Record(problem, ProblemEventKind.Reopened, on, "问题重新列为待整改", actor, clock, task.Id);
            }
            return await ProblemRules.SaveAsync(db, () => problem.Version, ct);
        }

        private static string? CheckTask(InspectionTask? task, Problem problem) => task switch
        {
            null => "回头看检查任务不存在",
            _ when task.EnterpriseId != problem.EnterpriseId => "回头看检查任务不是对该检查对象的检查",
            _ when task.Id == problem.TaskId => "回头看须是发现问题之后的另一次检查",
            _ when task.Status != TaskStatus.Done || task.InspectedOn is null => "回头看检查尚未完成，不能据此核查",
            _ when task.InspectedOn < problem.RectifiedOn => "回头看检查日期早于报告的整改完成日期",
            _ => null,
        };
    }
}
