using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Registry;

/// <summary>Adds or ends an entity's membership of the 监督执法正面清单.</summary>
public static class ChangePositiveList
{
    public sealed record Add(int EnterpriseId, DateOnly From, DateOnly To, string Reason);

    public sealed record Remove(int EnterpriseId, int EntryId);

    public sealed class Handler(EcoEnforceDb db)
    {
        public async Task<Result<int>> HandleAsync(Add command, CancellationToken ct)
        {
            var entity = await db.Enterprises.Include(e => e.PositiveListEntries).FirstOrDefaultAsync(e => e.Id == command.EnterpriseId, ct);
            if (entity is null) return Result<int>.Fail(nameof(command.EnterpriseId), "检查对象不存在");
            if (command.From > command.To) return Result<int>.Fail(nameof(command.To), "截止日期早于起始日期");
            if (string.IsNullOrWhiteSpace(command.Reason)) return Result<int>.Fail(nameof(command.Reason), "纳入正面清单须说明理由");
            if (entity.PositiveListEntries.Any(p => p.From <= command.To && command.From <= p.To))
                return Result<int>.Fail(nameof(command.From), "与已有的正面清单期间重叠");
            var entry = new PositiveListEntry { From = command.From, To = command.To, Reason = command.Reason.Trim() };
            entity.PositiveListEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(entry.Id);
        }

        public async Task<Result<int>> HandleAsync(Remove command, CancellationToken ct)
        {
            var entry = await db.PositiveListEntries.FirstOrDefaultAsync(p => p.Id == command.EntryId && p.EnterpriseId == command.EnterpriseId, ct);
            if (entry is null) return Result<int>.Fail(nameof(command.EntryId), "记录不存在");
            db.PositiveListEntries.Remove(entry);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(command.EntryId);
        }
    }
}
