using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Monitoring.Leads;

/// <summary>What happens to a lead: dismissed with a kind and a reason (kept; false alarms raise the signature's bar at
/// that outlet, see <see cref="LeadFeedback"/>), or tied to the inspection task created from it.</summary>
public sealed class DecideLead(EcoEnforceDb db, TimeProvider clock, IActor actor)
{
    public async Task<Result<long>> DismissAsync(long id, DismissKind kind, string? reason, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind)) return Result<long>.Fail("DismissKind", "请选择排除类别");
        if (string.IsNullOrWhiteSpace(reason)) return Result<long>.Fail("DismissReason", "排除线索须写明理由（如：设备检修已备案）");
        if (reason.Trim().Length > 500) return Result<long>.Fail("DismissReason", "理由不能超过 500 字");
        return await DecideAsync(id, l =>
        {
            l.Status = LeadStatus.Dismissed;
            l.DismissKind = kind;
            l.DismissReason = reason.Trim();
        }, ct);
    }

    public async Task<Result<long>> LinkTaskAsync(long id, int taskId, CancellationToken ct)
    {
        if (!await db.InspectionTasks.AnyAsync(t => t.Id == taskId, ct)) return Result<long>.Fail("TaskId", "检查任务不存在");
        return await DecideAsync(id, l =>
        {
            l.Status = LeadStatus.Tasked;
            l.TaskId = taskId;
        }, ct);
    }

    private async Task<Result<long>> DecideAsync(long id, Action<Lead> decide, CancellationToken ct)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null) return Result<long>.Fail("Id", "线索不存在");
        if (lead.Status != LeadStatus.Open) return Result<long>.Fail("Status", "该线索已处理");
        decide(lead);
        lead.DecidedBy = actor.Name;
        lead.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<long>.Ok(lead.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<long>.Fail("Status", "该线索刚被他人处理，请刷新页面");
        }
    }
}
