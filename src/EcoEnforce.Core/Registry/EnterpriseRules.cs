using EcoEnforce.Common;

namespace EcoEnforce.Registry;

/// <summary>Consistency rules of a registry entry. Field names are the Chinese column headings so an
/// import error and a form error read the same.</summary>
public static class EnterpriseRules
{
    // A generous box round Fuling District (WGS-84); a point outside is almost always swapped or mistyped.
    public const double MinLatitude = 29.2, MaxLatitude = 30.1, MinLongitude = 106.9, MaxLongitude = 107.8;

    public static IReadOnlyList<FieldError> Validate(Enterprise e)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string message) => errors.Add(new FieldError(field, message));

        if (string.IsNullOrWhiteSpace(e.Name)) Fail(RegistryColumns.Name, "不能为空");
        else if (e.Name.Length > 200) Fail(RegistryColumns.Name, "不能超过200个字符");
        if (CreditCode.Validate(e.CreditCode) is { } codeError) Fail(RegistryColumns.CreditCode, codeError);
        if (string.IsNullOrWhiteSpace(e.Address)) Fail(RegistryColumns.Address, "不能为空");
        if (e.Latitude is < MinLatitude or > MaxLatitude || e.Longitude is < MinLongitude or > MaxLongitude)
            Fail(RegistryColumns.Latitude, $"坐标（{e.Latitude}, {e.Longitude}）不在涪陵区范围内，请检查经纬度是否填反");
        if (!IsIndustryCode(e.IndustryCode)) Fail(RegistryColumns.IndustryCode, "应为GB/T 4754行业代码，如 C2614 或 2614");

        if (e.PermitType is PermitManagementType.Key or PermitManagementType.Simplified && string.IsNullOrWhiteSpace(e.PermitNumber))
            Fail(RegistryColumns.PermitNumber, "重点管理、简化管理的排污单位须填写排污许可证编号");
        if (e.IsAutoMonitoringKeyUnit && e.SupervisionClass != SupervisionClass.KeyPolluter && e.PermitType != PermitManagementType.Key)
            Fail(RegistryColumns.AutoMonitoring, "自动监控重点单位应为重点排污单位或排污许可重点管理单位");
        if (e.IsNuclearTechUser && string.IsNullOrWhiteSpace(e.RadiationLicenceNumber))
            Fail(RegistryColumns.RadiationLicence, "核技术利用单位须填写辐射安全许可证编号");
        if (!e.IsNuclearTechUser && !string.IsNullOrWhiteSpace(e.RadiationLicenceNumber))
            Fail(RegistryColumns.NuclearUser, "填写了辐射安全许可证编号，应标记为核技术利用单位");
        if (e.IsConstructionSite)
        {
            if (e.ConstructionStart is null || e.ConstructionEnd is null)
                Fail(RegistryColumns.ConstructionStart, "建筑工地须填写工期起止日期");
            else if (e.ConstructionStart > e.ConstructionEnd)
                Fail(RegistryColumns.ConstructionEnd, "工期截止日期早于开始日期");
        }
        foreach (var entry in e.PositiveListEntries)
        {
            if (entry.From > entry.To) Fail(RegistryColumns.PositiveListTo, "正面清单截止日期早于起始日期");
            if (string.IsNullOrWhiteSpace(entry.Reason)) Fail(RegistryColumns.PositiveListReason, "纳入正面清单须说明理由");
        }
        return errors;
    }

    public static bool IsIndustryCode(string? code) =>
        code is not null && System.Text.RegularExpressions.Regex.IsMatch(code, "^[A-T]?[0-9]{2,4}$");
}
