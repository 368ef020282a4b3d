using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring;

/// <summary>Registers a quarantined MN as a new outlet of a registry entity; its readings received so far are
/// assigned to the outlet and the MN leaves quarantine.</summary>
public static class AssignDevice
{
    public sealed record Command(string Mn, int EnterpriseId, string OutletName, MonitoringMedium Medium);

    public sealed class Handler(EcoEnforceDb db)
    {
        public async Task<Result<int>> HandleAsync(Command command, CancellationToken ct)
        {
            var unknown = await db.UnknownDevices.FirstOrDefaultAsync(d => d.Mn == command.Mn, ct);
            if (unknown is null) return Result<int>.Fail(nameof(command.Mn), "该设备不在待分配列表中");
            if (!await db.Enterprises.AnyAsync(e => e.Id == command.EnterpriseId, ct))
                return Result<int>.Fail(nameof(command.EnterpriseId), "检查对象不存在");
            if (string.IsNullOrWhiteSpace(command.OutletName)) return Result<int>.Fail(nameof(command.OutletName), "请填写排口名称");

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var point = new MonitoringPoint
            {
                EnterpriseId = command.EnterpriseId, Mn = command.Mn, Name = command.OutletName.Trim(), Medium = command.Medium,
            };
            db.MonitoringPoints.Add(point);
            db.UnknownDevices.Remove(unknown);
            await db.SaveChangesAsync(ct);
            await db.Readings.Where(r => r.Mn == command.Mn && r.MonitoringPointId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.MonitoringPointId, point.Id), ct);
            await tx.CommitAsync(ct);
            return Result<int>.Ok(point.Id);
        }
    }
}
