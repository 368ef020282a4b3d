using EcoEnforce.Common;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Organisation;

/// <summary>Adds (Id null) or edits an enforcement officer: name, unit, certificate number and validity, active.</summary>
public static class SaveInspector
{
    public sealed record Command(
        int? Id, string Name, int DepartmentId, string CertificateNumber, DateOnly ValidFrom, DateOnly ValidTo, string? Phone, bool IsActive);

    public sealed class Handler(EcoEnforceDb db)
    {
        public async Task<Result<int>> HandleAsync(Command c, CancellationToken ct)
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new(nameof(c.Name), "姓名不能为空"));
            if (string.IsNullOrWhiteSpace(c.CertificateNumber)) errors.Add(new(nameof(c.CertificateNumber), "执法证号不能为空"));
            if (c.ValidFrom > c.ValidTo) errors.Add(new(nameof(c.ValidTo), "执法证有效期截止日期早于起始日期"));
            if (!await db.Departments.AnyAsync(d => d.Id == c.DepartmentId, ct)) errors.Add(new(nameof(c.DepartmentId), "请选择所属单位"));
            var number = c.CertificateNumber.Trim();
            if (await db.Inspectors.AnyAsync(i => i.CertificateNumber == number && i.Id != (c.Id ?? 0), ct))
                errors.Add(new(nameof(c.CertificateNumber), "该执法证号已登记"));
            if (errors.Count > 0) return Result<int>.Fail(errors);

            var inspector = c.Id is { } id ? await db.Inspectors.FirstOrDefaultAsync(i => i.Id == id, ct) : null;
            if (c.Id is not null && inspector is null) return Result<int>.Fail(nameof(c.Id), "执法人员不存在");
            inspector ??= db.Inspectors.Add(new Inspector { Name = "", CertificateNumber = "" }).Entity;
            inspector.Name = c.Name.Trim();
            inspector.DepartmentId = c.DepartmentId;
            inspector.CertificateNumber = number;
            inspector.CertificateValidFrom = c.ValidFrom;
            inspector.CertificateValidTo = c.ValidTo;
            inspector.Phone = string.IsNullOrWhiteSpace(c.Phone) ? null : c.Phone.Trim();
            inspector.IsActive = c.IsActive;
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(inspector.Id);
        }
    }
}
