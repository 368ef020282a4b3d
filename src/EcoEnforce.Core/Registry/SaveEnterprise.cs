using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Registry;

/// <summary>Creates (Id null) or edits one registry entry from the form, under the same rules as the import.</summary>
public static class SaveEnterprise
{
    /// <summary><paramref name="Values"/> is a detached entity carrying the form's fields.</summary>
    public sealed record Command(int? Id, Enterprise Values);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(Command c, CancellationToken ct)
        {
            var entity = c.Id is { } id
                ? await db.Enterprises.Include(e => e.PositiveListEntries).FirstOrDefaultAsync(e => e.Id == id, ct)
                : new Enterprise { Name = "", CreditCode = "", Address = "", IndustryCode = "" };
            if (entity is null) return Result<int>.Fail(nameof(c.Id), "检查对象不存在");

            entity.CopyFieldsFrom(c.Values);

            var errors = EnterpriseRules.Validate(entity).ToList();
            var township = await db.Departments.AnyAsync(d => d.Id == entity.TownshipId && (d.Kind == DepartmentKind.Township || d.Kind == DepartmentKind.Street), ct);
            if (!township) errors.Add(new FieldError(RegistryColumns.Township, "请选择所属乡镇街道"));
            var code = entity.CreditCode;
            if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != entity.Id, ct))
                errors.Add(new FieldError(RegistryColumns.CreditCode, "该统一社会信用代码已在名录库中"));
            if (errors.Count > 0)
            {
                // Nothing half-changed stays tracked: the form is shown again and this context is discarded.
                db.ChangeTracker.Clear();
                return Result<int>.Fail(errors);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            entity.UpdatedAtUtc = now;
            if (entity.Id == 0)
            {
                entity.CreatedAtUtc = now;
                db.Enterprises.Add(entity);
            }
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(entity.Id);
        }
    }
}
