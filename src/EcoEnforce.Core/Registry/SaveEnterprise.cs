using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Organisation;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Registry;

/// <summary>Creates (Id null) or edits one registry entry from the form, under the same rules as the import.</summary>
public static class SaveEnterprise
{
    public sealed record Command(
        int? Id, string Name, string CreditCode, string Address, int TownshipId, IndustrialPark Park, double Latitude, double Longitude,
        string IndustryCode, SupervisionClass SupervisionClass, PermitManagementType PermitType, string? PermitNumber,
        bool IsAutoMonitoringKeyUnit, bool IsNuclearTechUser, string? RadiationLicenceNumber, bool IsEnvironmentalRisk, bool IsChemical,
        bool IsConstructionSite, DateOnly? ConstructionStart, DateOnly? ConstructionEnd, string? ContactName, string? ContactPhone);

    public sealed class Handler(EcoEnforceDb db, TimeProvider clock)
    {
        public async Task<Result<int>> HandleAsync(Command c, CancellationToken ct)
        {
            var entity = c.Id is { } id
                ? await db.Enterprises.Include(e => e.PositiveListEntries).FirstOrDefaultAsync(e => e.Id == id, ct)
                : new Enterprise { Name = "", CreditCode = "", Address = "", IndustryCode = "" };
            if (entity is null) return Result<int>.Fail(nameof(c.Id), "检查对象不存在");

            entity.Name = c.Name.Trim();
            entity.CreditCode = CreditCode.Normalize(c.CreditCode);
            entity.Address = c.Address.Trim();
            entity.TownshipId = c.TownshipId;
            entity.Park = c.Park;
            entity.Latitude = c.Latitude;
            entity.Longitude = c.Longitude;
            entity.IndustryCode = c.IndustryCode.Trim().ToUpperInvariant();
            entity.SupervisionClass = c.SupervisionClass;
            entity.PermitType = c.PermitType;
            entity.PermitNumber = Clean(c.PermitNumber);
            entity.IsAutoMonitoringKeyUnit = c.IsAutoMonitoringKeyUnit;
            entity.IsNuclearTechUser = c.IsNuclearTechUser;
            entity.RadiationLicenceNumber = Clean(c.RadiationLicenceNumber);
            entity.IsEnvironmentalRisk = c.IsEnvironmentalRisk;
            entity.IsChemical = c.IsChemical;
            entity.IsConstructionSite = c.IsConstructionSite;
            entity.ConstructionStart = c.IsConstructionSite ? c.ConstructionStart : null;
            entity.ConstructionEnd = c.IsConstructionSite ? c.ConstructionEnd : null;
            entity.ContactName = Clean(c.ContactName);
            entity.ContactPhone = Clean(c.ContactPhone);

            var errors = EnterpriseRules.Validate(entity).ToList();
            var township = await db.Departments.AnyAsync(d => d.Id == c.TownshipId && (d.Kind == DepartmentKind.Township || d.Kind == DepartmentKind.Street), ct);
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

        private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
