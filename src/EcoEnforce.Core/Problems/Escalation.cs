using EcoEnforce.Auditing;
using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Problems;

/// <summary>The steps the plan names for repeat offenders (屡查屡犯).</summary>
public enum EscalationKind
{
    /// <summary>约谈.</summary>
    Interview = 0,
    /// <summary>通报住建部门.</summary>
    NotifyHousingDepartment = 1,
    /// <summary>曝光.</summary>
    PublicExposure = 2,
    /// <summary>夜间作业审核限批.</summary>
    NightWorkRestriction = 3,
}

/// <summary>One escalation against a repeat offender, with its date: the 屡查屡犯 ledger's actions.</summary>
public sealed class Escalation
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    public EscalationKind Kind { get; set; }
    public DateOnly TakenOn { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

public static class RecordEscalation
{
    public sealed record Command(int EnterpriseId, EscalationKind Kind, DateOnly TakenOn, string? Note);

    public static readonly IReadOnlyDictionary<EscalationKind, string> Labels = new Dictionary<EscalationKind, string>
    {
        [EscalationKind.Interview] = "约谈",
        [EscalationKind.NotifyHousingDepartment] = "通报住建部门",
        [EscalationKind.PublicExposure] = "曝光",
        [EscalationKind.NightWorkRestriction] = "夜间作业审核限批",
    };

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock, IActor actor)
    {
        public async Task<Result<int>> HandleAsync(Command c, CancellationToken ct)
        {
            if (!await db.Enterprises.AnyAsync(e => e.Id == c.EnterpriseId, ct)) return Result<int>.Fail("EnterpriseId", "检查对象不存在");
            if (c.TakenOn > ChinaTime.Today(clock)) return Result<int>.Fail("TakenOn", "日期不能晚于今天");
            var escalation = new Escalation
            {
                EnterpriseId = c.EnterpriseId, Kind = c.Kind, TakenOn = c.TakenOn, Note = string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim(),
                RecordedBy = actor.Name, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Escalations.Add(escalation);
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(escalation.Id);
        }
    }
}
