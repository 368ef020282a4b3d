using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Campaigns;

/// <summary>Publishes a draft (事前公开): from then on it is public and frozen, and the version it revises is
/// marked superseded.</summary>
public static class PublishPlan
{
    public sealed record Command(int PlanId);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var plan = await PlanQueries.LoadWholeAsync(db, command.PlanId, ct, tracking: true);
            if (plan is null) return Result<int>.Fail(nameof(command.PlanId), "计划不存在");
            if (plan.Status != PlanStatus.Draft) return Result<int>.Fail("Status", "该计划已发布，不能重复发布");
            var errors = PlanRules.ReadyToPublish(plan);
            if (errors.Count > 0) return Result<int>.Fail(errors);

            var now = clock.GetUtcNow().UtcDateTime;
            var previous = await db.Plans
                .Where(p => p.LineageId == plan.LineageId && p.Id != plan.Id && p.Status == PlanStatus.Published)
                .ToListAsync(ct);
            foreach (var p in previous) p.Status = PlanStatus.Superseded;
            plan.Status = PlanStatus.Published;
            plan.PublishedAtUtc = now;
            plan.PublishedBy = actor.Name;
            plan.IssuedOn ??= ChinaTime.Today(clock);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(plan.Id);
        }
    }
}
