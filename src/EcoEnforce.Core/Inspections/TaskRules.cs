using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Inspections;

/// <summary>Rules shared by the task handlers.</summary>
public static class TaskRules
{
    /// <summary>On-site work needs at least two officers (现场检查执法人员不得少于两人), each with an enforcement
    /// certificate valid on the day.</summary>
    public const int MinimumOfficers = 2;

    public static async Task<(List<Organisation.Inspector> Officers, FieldError? Error)> CertifiedOfficersAsync(
        EcoEnforceDb db, IReadOnlyCollection<int> ids, DateOnly day, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var officers = await db.Inspectors.Where(i => distinct.Contains(i.Id)).ToListAsync(ct);
        if (officers.Count != distinct.Count) return (officers, new FieldError("Inspectors", "所选执法人员不存在"));
        if (officers.FirstOrDefault(o => !o.HasValidCertificateOn(day)) is { } invalid)
            return (officers, new FieldError("Inspectors", $"{invalid.Name}（执法证号 {invalid.CertificateNumber}）的执法证在 {day:yyyy-MM-dd} 无效或已停用，不能参加检查"));
        if (officers.Count < MinimumOfficers)
            return (officers, new FieldError("Inspectors", $"现场检查的执法人员不得少于 {MinimumOfficers} 名（持有效执法证）"));
        return (officers, null);
    }

    /// <summary>Refusal for a save based on an old version: someone else changed the task in between.</summary>
    public static readonly FieldError Stale = new("Version", "该任务已被他人修改，请刷新页面后重试（您的修改未保存）");
}
