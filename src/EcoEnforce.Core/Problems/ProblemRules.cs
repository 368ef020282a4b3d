using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Problems;

/// <summary>Checks and steps shared by the problem handlers.</summary>
public static class ProblemRules
{
    public const int DescriptionMaxLength = 2000;
    public const int OtherMaxLength = 100;
    public const int NoteMaxLength = 1000;
    public const string ConcurrencyMessage = "该问题已被他人修改，请刷新后重试";
    /// <summary>decimal(18,4) holds 14 digits before the point.</summary>
    private const decimal MaxFineWan = 99_999_999_999_999.9999m;

    public static List<FieldError> CheckClassification(ProblemCategory category, string? categoryOther, TaskSource source, string? sourceOther)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(category)) errors.Add(new("Category", "请选择问题类别"));
        if (category == ProblemCategory.Other && string.IsNullOrWhiteSpace(categoryOther))
            errors.Add(new("CategoryOther", "问题类别为“其他”的，请说明具体情况"));
        if (categoryOther?.Trim().Length > OtherMaxLength) errors.Add(new("CategoryOther", $"问题类别说明不能超过 {OtherMaxLength} 字"));
        if (!Enum.IsDefined(source)) errors.Add(new("Source", "请选择问题来源"));
        if (source == TaskSource.Other && string.IsNullOrWhiteSpace(sourceOther))
            errors.Add(new("SourceOther", "问题来源为“其他”的，请说明具体情况"));
        if (sourceOther?.Trim().Length > OtherMaxLength) errors.Add(new("SourceOther", $"问题来源说明不能超过 {OtherMaxLength} 字"));
        return errors;
    }

    /// <summary>Fines are in 万元 with at most 4 decimals (one yuan), so sums stay exact.</summary>
    public static string? CheckFine(decimal fineWan) =>
        fineWan < 0 ? "罚款金额（万元）不能为负数"
        : fineWan > MaxFineWan ? "罚款金额（万元）超出范围"
        : decimal.Round(fineWan, 4) != fineWan ? "罚款金额（万元）最多保留 4 位小数"
        : null;

    /// <summary>Sum of the problem's penalties in 万元, exact (decimal, never double).</summary>
    public static decimal TotalFineWan(IEnumerable<ProblemMeasure> measures) =>
        measures.Where(m => m.Kind == MeasureKind.Penalty).Sum(m => m.FineWan ?? 0m);

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Loads a problem for a change. A caller that shows the problem first passes the version it showed,
    /// so a change made in between is refused just as a concurrent save would be.</summary>
    internal static async Task<(Problem? Problem, FieldError? Error)> LoadForChangeAsync(
        EcoEnforceDb db, int problemId, int? expectedVersion, CancellationToken ct)
    {
        var problem = await db.Problems.FirstOrDefaultAsync(p => p.Id == problemId, ct);
        if (problem is null) return (null, new("ProblemId", "问题不存在"));
        if (expectedVersion is { } v && v != problem.Version) return (null, new("Version", ConcurrencyMessage));
        return (problem, null);
    }

    /// <summary>Records a change: bumps the concurrency token and appends the timeline entry.</summary>
    internal static void Record(Problem problem, ProblemEventKind kind, DateOnly occurredOn, string text,
        IActor actor, TimeProvider clock, int? taskId = null)
    {
        problem.Version++;
        problem.Events.Add(new ProblemEvent
        {
            Kind = kind, OccurredOn = occurredOn, Text = text, TaskId = taskId,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor.Name,
        });
    }

    /// <summary>Saves once; a concurrent change makes the whole save fail and roll back (the audit interceptor owns
    /// the transaction), and the context is cleared so nothing of it lingers.</summary>
    internal static async Task<Result<T>> SaveAsync<T>(EcoEnforceDb db, Func<T> value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<T>.Fail("Version", ConcurrencyMessage);
        }
        return Result<T>.Ok(value());
    }
}
