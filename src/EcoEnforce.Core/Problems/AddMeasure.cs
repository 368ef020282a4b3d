using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;

namespace EcoEnforce.Problems;

/// <summary>Records a measure taken on a problem (批评教育 … 依法申请关停). Allowed in any status: a penalty decision
/// often comes after the problem itself is fixed.</summary>
public static class AddMeasure
{
    public sealed record Command(
        int ProblemId,
        MeasureKind Kind,
        DateOnly TakenOn,
        string? DecisionNumber = null,
        decimal? FineWan = null,
        string? Note = null,
        int? ExpectedVersion = null);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var errors = Validate(command, ChinaTime.Today(clock));
            if (errors.Count > 0) return Result<int>.Fail(errors);
            var (problem, error) = await ProblemRules.LoadForChangeAsync(db, command.ProblemId, command.ExpectedVersion, ct);
            if (problem is null) return Result<int>.Fail([error!]);
            if (command.TakenOn < problem.FoundOn) return Result<int>.Fail(nameof(command.TakenOn), "措施日期不能早于发现问题的日期");

            var measure = new ProblemMeasure
            {
                ProblemId = problem.Id,
                Kind = command.Kind,
                TakenOn = command.TakenOn,
                DecisionNumber = command.Kind == MeasureKind.Penalty ? ProblemRules.Clean(command.DecisionNumber) : null,
                FineWan = command.Kind == MeasureKind.Penalty ? command.FineWan : null,
                Note = ProblemRules.Clean(command.Note),
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
                RecordedBy = actor.Name,
            };
            db.ProblemMeasures.Add(measure);
            ProblemRules.Record(problem, ProblemEventKind.MeasureAdded, command.TakenOn, Describe(measure), actor, clock);
            return await ProblemRules.SaveAsync(db, () => measure.Id, ct);
        }

        private static List<FieldError> Validate(Command command, DateOnly today)
        {
            var errors = new List<FieldError>();
            if (!Enum.IsDefined(command.Kind)) errors.Add(new(nameof(command.Kind), "请选择处理措施"));
            if (command.TakenOn > today) errors.Add(new(nameof(command.TakenOn), "措施日期不能晚于今天"));
            if (command.Note?.Trim().Length > ProblemRules.NoteMaxLength)
                errors.Add(new(nameof(command.Note), $"备注不能超过 {ProblemRules.NoteMaxLength} 字"));
            if (command.Kind == MeasureKind.Penalty)
            {
                if (string.IsNullOrWhiteSpace(command.DecisionNumber)) errors.Add(new(nameof(command.DecisionNumber), "行政处罚须填写处罚决定书文号"));
                else if (command.DecisionNumber.Trim().Length > 100) errors.Add(new(nameof(command.DecisionNumber), "处罚决定书文号不能超过 100 字"));
                if (command.FineWan is not { } fine) errors.Add(new(nameof(command.FineWan), "行政处罚须填写罚款金额（万元），无罚款填 0"));
                else if (ProblemRules.CheckFine(fine) is { } message) errors.Add(new(nameof(command.FineWan), message));
            }
            else if (command.FineWan is not null)
            {
                errors.Add(new(nameof(command.FineWan), "只有行政处罚可填写罚款金额"));
            }
            return errors;
        }

        private static string Describe(ProblemMeasure m) => m.Kind == MeasureKind.Penalty
            ? $"行政处罚（{m.DecisionNumber}），罚款 {m.FineWan:0.####} 万元"
            : Labels.MeasureKinds[m.Kind] + (m.Note is null ? "" : $"：{m.Note}");
    }
}
