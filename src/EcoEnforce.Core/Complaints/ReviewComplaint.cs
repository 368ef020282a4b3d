using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Complaints;

/// <summary>What staff decide on a complaint: its category, the entity it is about (or none), that it is closed.</summary>
public sealed class ReviewComplaint(EcoEnforceDb db)
{
    public async Task<Result<int>> ConfirmCategoryAsync(int id, ComplaintCategory category, CancellationToken ct)
    {
        if (!Enum.IsDefined(category)) return Result<int>.Fail("Category", "请选择类别");
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return Result<int>.Fail("Id", "投诉不存在");
        complaint.Category = category;
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }

    /// <summary>Confirms the suggested entity, picks another, or (null) records that it concerns no registered entity.</summary>
    public async Task<Result<int>> ConfirmMatchAsync(int id, int? enterpriseId, CancellationToken ct)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return Result<int>.Fail("Id", "投诉不存在");
        if (enterpriseId is { } e)
        {
            var township = await db.Enterprises.Where(x => x.Id == e).Select(x => (int?)x.TownshipId).FirstOrDefaultAsync(ct);
            if (township is null) return Result<int>.Fail("EnterpriseId", "检查对象不存在");
            if (complaint.EnterpriseId != e) complaint.MatchMethod = MatchMethod.Manual;
            complaint.EnterpriseId = e;
            complaint.MatchConfidence = 1;
            complaint.MatchStatus = MatchStatus.Confirmed;
            complaint.TownshipId ??= township;
        }
        else
        {
            complaint.EnterpriseId = null;
            complaint.MatchMethod = MatchMethod.Manual;
            complaint.MatchConfidence = 0;
            complaint.MatchStatus = MatchStatus.Unmatched;
        }
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }

    public async Task<Result<int>> CloseAsync(int id, CancellationToken ct)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return Result<int>.Fail("Id", "投诉不存在");
        if (complaint.Status == ComplaintStatus.Merged) return Result<int>.Fail("Status", "重复投诉随原投诉一并办结");
        complaint.Status = ComplaintStatus.Closed;
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(id);
    }
}
