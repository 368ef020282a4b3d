using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Campaigns;

/// <summary>A published plan is frozen; changing it means drafting its next version, which replaces it only when
/// that version is published. Both stay on record.</summary>
public static class RevisePlan
{
    public sealed record Command(int PublishedPlanId);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var source = await PlanQueries.LoadWholeAsync(db, command.PublishedPlanId, ct);
            if (source is null) return Result<int>.Fail(nameof(command.PublishedPlanId), "计划不存在");
            if (source.Status != PlanStatus.Published) return Result<int>.Fail("Status", "只有已发布的计划可以修订");
            var openDraft = await db.Plans.AnyAsync(p => p.LineageId == source.LineageId && p.Status == PlanStatus.Draft, ct);
            if (openDraft) return Result<int>.Fail("Status", "该计划已有未发布的修订稿，请先完成或删除该修订稿");

            var latest = await db.Plans.Where(p => p.LineageId == source.LineageId).MaxAsync(p => p.Version, ct);
            var draft = PlanCloner.Clone(source, source.Year, clock.GetUtcNow().UtcDateTime);
            draft.LineageId = source.LineageId;
            draft.Version = latest + 1;
            draft.IssuedOn = source.IssuedOn;
            db.Plans.Add(draft);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(draft.Id);
        }
    }
}
