using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Draws;

/// <summary>Second step: reveal the committed seed, draw objects and teams from the frozen pool, and create the
/// inspection tasks, all in one transaction (a failure writes nothing). An entity that already has a planned task
/// in an overlapping window gets this campaign added to that task (联合检查：进一次门、查多项事) instead of a second
/// visit. When the draw replaces another, the other draw's still-planned assignments are withdrawn.</summary>
public static class ExecuteDraw
{
    public sealed record Command(int DrawId);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor, EcoEnforceMetrics metrics)
    {
        public async Task<Result<DrawOutcome>> HandleAsync(Command command, CancellationToken ct)
        {
            var draw = await db.Draws.FirstOrDefaultAsync(d => d.Id == command.DrawId, ct);
            if (draw is null) return Result<DrawOutcome>.Fail(nameof(command.DrawId), "抽查记录不存在");
            if (draw.Status != DrawStatus.Committed) return Result<DrawOutcome>.Fail("Status", "该抽查已执行；如需重新抽取，请新建抽取并说明理由");
            var stored = DrawJson.Deserialize<DrawJson.StoredInput>(draw.InputJson);
            if (DrawCanonical.Digests(stored.Rules, stored.Pool, stored.Inspectors) != new DrawDigests(draw.PoolSha256, draw.InspectorsSha256, draw.RulesSha256))
                return Result<DrawOutcome>.Fail("Pool", "冻结的名单或规则与承诺时的摘要不一致（数据可能被改动），拒绝抽取");
            var run = DrawAlgorithm.Draw(new DrawInput(stored.Rules, stored.Pool, stored.Inspectors, Convert.FromHexString(draw.Seed)));
            if (!run.Succeeded) return run;
            var outcome = run.Value!;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Claim the draw inside the transaction: of two simultaneous executions only one finds it still committed.
            var claimed = await db.Draws.Where(d => d.Id == draw.Id && d.Status == DrawStatus.Committed)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.ExecutedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
            if (claimed == 0) return Result<DrawOutcome>.Fail("Status", "该抽查已执行；如需重新抽取，请新建抽取并说明理由");
            var keys = outcome.Tasks.Select(t => t.ObjectKey).ToList();
            var entities = await db.Enterprises.Where(e => keys.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, e => e.Id, ct);
            var certificates = outcome.Tasks.SelectMany(t => t.InspectorKeys).Distinct().ToList();
            var inspectors = await db.Inspectors.Where(i => certificates.Contains(i.CertificateNumber)).ToDictionaryAsync(i => i.CertificateNumber, i => (i.Id, i.DepartmentId), ct);
            if (keys.FirstOrDefault(k => !entities.ContainsKey(k)) is { } gone)
                return Result<DrawOutcome>.Fail("Pool", $"抽中的对象（{gone}）已不在检查对象名录中，请重新冻结名单后抽取");
            if (certificates.FirstOrDefault(c => !inspectors.ContainsKey(c)) is { } missing)
                return Result<DrawOutcome>.Fail("Inspectors", $"抽中的执法人员（执法证号 {missing}）已不在执法人员库中，请重新冻结名单后抽取");

            if (draw.ReplacesDrawId is { } replaced) await WithdrawAsync(replaced, ct);
            var entityIds = entities.Values.ToList();
            var open = await db.InspectionTasks.Include(t => t.Campaigns).Include(t => t.Inspectors)
                .Where(t => entityIds.Contains(t.EnterpriseId) && t.Status == Inspections.TaskStatus.Planned
                    && t.WindowStart <= draw.WindowEnd && draw.WindowStart <= t.WindowEnd)
                .ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var drawn in outcome.Tasks)
            {
                var entityId = entities[drawn.ObjectKey];
                var task = open.Where(t => t.EnterpriseId == entityId).OrderBy(t => t.Id).FirstOrDefault();
                if (task is null)
                {
                    task = new InspectionTask
                    {
                        EnterpriseId = entityId,
                        UnitId = inspectors[drawn.InspectorKeys[0]].DepartmentId,
                        Source = TaskSource.RandomDraw,
                        WindowStart = draw.WindowStart,
                        WindowEnd = draw.WindowEnd,
                        Status = Inspections.TaskStatus.Planned,
                        CreatedAtUtc = now,
                    };
                    db.InspectionTasks.Add(task);
                    open.Add(task);
                }
                if (task.Campaigns.All(c => c.CampaignId != draw.CampaignId))
                {
                    task.Campaigns.Add(new TaskCampaign { CampaignId = draw.CampaignId, DrawId = draw.Id, Source = TaskSource.RandomDraw });
                    if (task.Campaigns.Count > 1)
                    {
                        task.Mode = InspectionMode.Joint;
                        task.Version++;
                    }
                }
                foreach (var key in drawn.InspectorKeys)
                {
                    var inspectorId = inspectors[key].Id;
                    if (task.Inspectors.All(i => i.InspectorId != inspectorId))
                        task.Inspectors.Add(new TaskInspector { InspectorId = inspectorId, DrawId = draw.Id });
                }
            }
            draw.Status = DrawStatus.Executed;
            draw.ExecutedAtUtc = now;
            draw.ExecutedBy = actor.Name;
            draw.OutcomeJson = DrawJson.Serialize(outcome);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            metrics.DrawExecuted();
            return run;
        }

        /// <summary>The replaced draw's assignments on tasks not yet carried out are withdrawn; a task left with no
        /// campaign is cancelled. Done inspections stay as they happened.</summary>
        private async Task WithdrawAsync(int replacedDrawId, CancellationToken ct)
        {
            var tasks = await db.InspectionTasks.Include(t => t.Campaigns).Include(t => t.Inspectors)
                .Where(t => t.Status == Inspections.TaskStatus.Planned && t.Campaigns.Any(c => c.DrawId == replacedDrawId))
                .ToListAsync(ct);
            foreach (var task in tasks)
            {
                task.Campaigns.RemoveAll(c => c.DrawId == replacedDrawId);
                task.Inspectors.RemoveAll(i => i.DrawId == replacedDrawId);
                if (task.Campaigns.Count == 0) task.Status = Inspections.TaskStatus.Cancelled;
            }
        }
    }
}
