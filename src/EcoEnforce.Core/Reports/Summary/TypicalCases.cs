using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Reports.Summary;

/// <summary>Picks problems of a year as typical cases (典型案例) for the summary, with the write-up that will stand in
/// the document; the water campaign's summary may append them (可附典型案例).</summary>
public static class TypicalCases
{
    public const int SummaryMaxLength = 2000;
    public const int MaxSortOrder = 999;

    public sealed record Choose(int Year, int ProblemId, string? Summary, int? SortOrder = null);

    public sealed record Edit(int Id, string? Summary, int SortOrder);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> ChooseAsync(Choose command, CancellationToken ct)
        {
            var errors = Check(command.Summary, command.SortOrder ?? 0);
            var problem = await db.Problems.AsNoTracking().Where(p => p.Id == command.ProblemId).Select(p => new { p.FoundOn }).FirstOrDefaultAsync(ct);
            if (problem is null) errors.Add(new(nameof(command.ProblemId), "问题不存在"));
            else if (problem.FoundOn.Year != command.Year) errors.Add(new(nameof(command.ProblemId), $"只能选择{command.Year}年发现的问题"));
            else if (await db.TypicalCases.AnyAsync(c => c.Year == command.Year && c.ProblemId == command.ProblemId, ct))
                errors.Add(new(nameof(command.ProblemId), "该问题已选为典型案例"));
            if (errors.Count > 0) return Result<int>.Fail(errors);

            // New cases go to the end unless the user says where.
            var last = await db.TypicalCases.Where(c => c.Year == command.Year).Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? 0;
            var chosen = new TypicalCase
            {
                Year = command.Year, ProblemId = command.ProblemId, Summary = Problems.ProblemRules.Clean(command.Summary),
                SortOrder = command.SortOrder ?? Math.Min(last + 1, MaxSortOrder),
                ChosenAtUtc = clock.GetUtcNow().UtcDateTime, ChosenBy = actor.Name,
            };
            db.TypicalCases.Add(chosen);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two people choosing the same problem at once: the unique index keeps one.
                db.ChangeTracker.Clear();
                return Result<int>.Fail(nameof(command.ProblemId), "该问题已选为典型案例");
            }
            return Result<int>.Ok(chosen.Id);
        }

        public async Task<Result<int>> EditAsync(Edit command, CancellationToken ct)
        {
            var errors = Check(command.Summary, command.SortOrder);
            var chosen = await db.TypicalCases.FirstOrDefaultAsync(c => c.Id == command.Id, ct);
            if (chosen is null) errors.Add(new(nameof(command.Id), "典型案例不存在"));
            if (errors.Count > 0) return Result<int>.Fail(errors);
            chosen!.Summary = Problems.ProblemRules.Clean(command.Summary);
            chosen.SortOrder = command.SortOrder;
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(chosen.Id);
        }

        public async Task<Result<int>> RemoveAsync(int id, CancellationToken ct)
        {
            var chosen = await db.TypicalCases.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (chosen is null) return Result<int>.Fail("Id", "典型案例不存在");
            db.TypicalCases.Remove(chosen);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(id);
        }

        private static List<FieldError> Check(string? summary, int sortOrder)
        {
            var errors = new List<FieldError>();
            if (summary?.Trim().Length > SummaryMaxLength) errors.Add(new("Summary", $"案例简介不能超过 {SummaryMaxLength} 字"));
            if (sortOrder is < 0 or > MaxSortOrder) errors.Add(new("SortOrder", $"排序应为 0 至 {MaxSortOrder} 的整数"));
            return errors;
        }
    }
}
