using System.Security.Cryptography;
using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Draws;

/// <summary>First step of a draw: freeze the pool under the campaign's rules and commit to a fresh secret seed by
/// recording its SHA-256, with the time. Nothing is drawn yet; <see cref="ExecuteDraw"/> reveals the seed and draws.
/// A re-draw is a new draw naming the executed draw it replaces and why.</summary>
public static class CommitDraw
{
    public sealed record Command(int RuleSetId, int Year, int? Quarter, DateOnly? WindowStart, DateOnly? WindowEnd,
        int? ReplacesDrawId = null, string? Reason = null);

    public sealed class Handler(EcoEnforceDb db, DrawPool pool, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var ruleSet = await db.DrawRuleSets.AsNoTracking().Include(r => r.Campaign).FirstOrDefaultAsync(r => r.Id == command.RuleSetId, ct);
            if (ruleSet is null) return Result<int>.Fail(nameof(command.RuleSetId), "抽查规则不存在");
            if (ruleSet.CampaignId is not { } campaignId)
                return Result<int>.Fail(nameof(command.RuleSetId), "示例规则不能直接抽取，请先复制为某一专项的规则");
            if (command.Year is < 2000 or > 2100) return Result<int>.Fail(nameof(command.Year), "年份无效");
            if (command.Quarter is < 1 or > 4) return Result<int>.Fail(nameof(command.Quarter), "季度应为 1–4");
            var spec = ruleSet.Spec;
            if (spec.Period == DrawPeriodKind.Quarter && command.Quarter is null)
                return Result<int>.Fail(nameof(command.Quarter), "该规则按季度抽取，请选择季度");
            var (start, end, label) = Periods.Of(command.Year, spec.Period == DrawPeriodKind.Quarter ? command.Quarter : null);
            var window = new DrawWindow(start, end, command.WindowStart ?? start, command.WindowEnd ?? end);
            if (window.WindowEnd < window.WindowStart) return Result<int>.Fail(nameof(command.WindowEnd), "检查时段的结束日期早于开始日期");

            if (command.ReplacesDrawId is { } replaced)
            {
                var old = await db.Draws.AsNoTracking().FirstOrDefaultAsync(d => d.Id == replaced, ct);
                if (old is null) return Result<int>.Fail(nameof(command.ReplacesDrawId), "要重新抽取的原抽查记录不存在");
                if (old.Status != DrawStatus.Executed) return Result<int>.Fail(nameof(command.ReplacesDrawId), "原抽查尚未执行，无需重新抽取");
                if (string.IsNullOrWhiteSpace(command.Reason)) return Result<int>.Fail(nameof(command.Reason), "重新抽取必须说明理由");
            }

            var frozen = await pool.BuildAsync(spec, window, ct, command.ReplacesDrawId);
            if (!frozen.Succeeded) return Result<int>.Fail(frozen.Errors);
            var input = frozen.Value!;
            // Counts are checked now, so a rule that asks for more than the pool holds fails before anything is written.
            var counts = DrawCounts.Compute(input.Rules, input.Objects, input.Inspectors);
            if (!counts.Succeeded) return Result<int>.Fail(counts.Errors);

            var seed = RandomNumberGenerator.GetBytes(DrawInput.SeedLength);
            var digests = DrawCanonical.Digests(input.Rules, input.Objects, input.Inspectors);
            var draw = new Draw
            {
                Title = $"{ruleSet.Campaign!.ShortName} {label} 双随机抽查",
                CampaignId = campaignId,
                RuleSetId = ruleSet.Id,
                SpecJson = ruleSet.SpecJson,
                PeriodLabel = label,
                PeriodStart = start,
                PeriodEnd = end,
                WindowStart = window.WindowStart,
                WindowEnd = window.WindowEnd,
                Status = DrawStatus.Committed,
                InputJson = DrawJson.Serialize(new DrawJson.StoredInput(input.Rules, input.Objects, input.Inspectors)),
                ExclusionsJson = DrawJson.Serialize(input.Exclusions),
                PoolSize = input.Objects.Count,
                InspectorPoolSize = input.Inspectors.Count,
                Seed = Convert.ToHexStringLower(seed),
                SeedSha256 = Convert.ToHexStringLower(SHA256.HashData(seed)),
                PoolSha256 = digests.Pool,
                InspectorsSha256 = digests.Inspectors,
                RulesSha256 = digests.Rules,
                CommittedAtUtc = clock.GetUtcNow().UtcDateTime,
                CommittedBy = actor.Name,
                ReplacesDrawId = command.ReplacesDrawId,
                Reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(),
            };
            db.Draws.Add(draw);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(draw.Id);
        }
    }
}
