using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;

namespace EcoEnforce.Problems;

/// <summary>The enterprise (or the township) reports the problem fixed; it then waits for a follow-up visit (回头看).</summary>
public static class ReportRectification
{
    public sealed record Command(int ProblemId, DateOnly RectifiedOn, string? Note, int? ExpectedVersion = null);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var (problem, error) = await ProblemRules.LoadForChangeAsync(db, command.ProblemId, command.ExpectedVersion, ct);
            if (problem is null) return Result<int>.Fail([error!]);
            if (problem.Status != ProblemStatus.Open)
                return Result<int>.Fail("Status", problem.Status == ProblemStatus.Closed ? "该问题已销号" : "该问题已报整改，正等待回头看核查");
            var errors = new List<FieldError>();
            if (command.RectifiedOn < problem.FoundOn) errors.Add(new(nameof(command.RectifiedOn), "整改完成日期不能早于发现问题的日期"));
            if (command.RectifiedOn > ChinaTime.Today(clock)) errors.Add(new(nameof(command.RectifiedOn), "整改完成日期不能晚于今天"));
            if (command.Note?.Trim().Length > ProblemRules.NoteMaxLength)
                errors.Add(new(nameof(command.Note), $"整改情况不能超过 {ProblemRules.NoteMaxLength} 字"));
            if (errors.Count > 0) return Result<int>.Fail(errors);

            problem.Status = ProblemStatus.AwaitingVerification;
            problem.RectifiedOn = command.RectifiedOn;
            var note = ProblemRules.Clean(command.Note);
            ProblemRules.Record(problem, ProblemEventKind.RectificationReported, command.RectifiedOn,
                "报告整改完成" + (note is null ? "" : $"：{note}"), actor, clock);
            return await ProblemRules.SaveAsync(db, () => problem.Version, ct);
        }
    }
}
