using EcoEnforce.Common;
using EcoEnforce.Data;

namespace EcoEnforce.Campaigns;

/// <summary>Starts next year's plan as a draft copy of an existing one, dates moved to the new year.</summary>
public static class CopyPlan
{
    public sealed record Command(int SourcePlanId, int Year);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            if (command.Year is < 2000 or > 2100) return Result<int>.Fail(nameof(command.Year), "年度应在2000至2100之间");
            var source = await PlanQueries.LoadWholeAsync(db, command.SourcePlanId, ct);
            if (source is null) return Result<int>.Fail(nameof(command.SourcePlanId), "计划不存在");

            var copy = PlanCloner.Clone(source, command.Year, clock.GetUtcNow().UtcDateTime);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Plans.Add(copy);
            await db.SaveChangesAsync(ct);
            copy.LineageId = copy.Id;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Result<int>.Ok(copy.Id);
        }
    }
}
