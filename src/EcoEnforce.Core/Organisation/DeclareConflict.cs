using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Organisation;

/// <summary>Records or withdraws an officer's declared conflict (回避) with an entity, found by its credit code.</summary>
public static class DeclareConflict
{
    public sealed record Command(int InspectorId, string CreditCode, string Reason, DateOnly DeclaredOn);

    public sealed class Handler(EcoEnforceDb db)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(command.Reason)) return Result<int>.Fail(nameof(command.Reason), "请填写回避事由");
            if (!await db.Inspectors.AnyAsync(i => i.Id == command.InspectorId, ct)) return Result<int>.Fail(nameof(command.InspectorId), "执法人员不存在");
            var code = Registry.CreditCode.Normalize(command.CreditCode ?? "");
            var entityId = await db.Enterprises.Where(e => e.CreditCode == code).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
            if (entityId is null) return Result<int>.Fail(nameof(command.CreditCode), "名录中没有该统一社会信用代码的检查对象");
            if (await db.InspectorConflicts.AnyAsync(c => c.InspectorId == command.InspectorId && c.EnterpriseId == entityId, ct))
                return Result<int>.Fail(nameof(command.CreditCode), "已登记过该回避关系");
            var conflict = new InspectorConflict
            {
                InspectorId = command.InspectorId, EnterpriseId = entityId.Value, Reason = command.Reason.Trim(), DeclaredOn = command.DeclaredOn,
            };
            db.InspectorConflicts.Add(conflict);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(conflict.Id);
        }

        public async Task<bool> WithdrawAsync(int conflictId, CancellationToken ct)
        {
            var conflict = await db.InspectorConflicts.FirstOrDefaultAsync(c => c.Id == conflictId, ct);
            if (conflict is null) return false;
            db.InspectorConflicts.Remove(conflict);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
