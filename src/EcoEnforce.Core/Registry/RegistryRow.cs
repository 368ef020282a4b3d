using System.Globalization;
using EcoEnforce.Common;
using EcoEnforce.Common.Excel;
using EcoEnforce.Organisation;

namespace EcoEnforce.Registry;

/// <summary>Maps between an Excel row of the registry template and an <see cref="Enterprise"/>.</summary>
public static class RegistryRow
{
    public static IReadOnlyList<XlsxCell> ToCells(Enterprise e)
    {
        var positive = e.PositiveListEntries.OrderByDescending(p => p.To).FirstOrDefault();
        return
        [
            new(e.Name), new(e.CreditCode), new(e.Address), new(e.Township?.Name), new(Labels.Parks[e.Park]),
            new(e.Longitude, CellStyle.Number), new(e.Latitude, CellStyle.Number), new(e.IndustryCode),
            new(Labels.SupervisionClasses[e.SupervisionClass]), new(Labels.PermitTypes[e.PermitType]), new(e.PermitNumber),
            new(Labels.YesNo(e.IsAutoMonitoringKeyUnit)), new(Labels.YesNo(e.IsNuclearTechUser)), new(e.RadiationLicenceNumber),
            new(Labels.YesNo(e.IsEnvironmentalRisk)), new(Labels.YesNo(e.IsChemical)), new(Labels.YesNo(e.IsConstructionSite)),
            new(e.ConstructionStart), new(e.ConstructionEnd), new(positive?.From), new(positive?.To), new(positive?.Reason),
            new(e.ContactName), new(e.ContactPhone),
        ];
    }

    /// <summary>Parses one row; every problem is reported against its column heading.</summary>
    public static (Enterprise? Entity, List<FieldError> Errors) Parse(
        Func<string, string?> cell, IReadOnlyDictionary<string, Department> townships)
    {
        var errors = new List<FieldError>();
        string Text(string column) => cell(column)?.Trim() ?? "";

        bool Flag(string column)
        {
            var t = Text(column);
            if (t is "" or "否" or "N" or "n" or "0" or "FALSE" or "false") return false;
            if (t is "是" or "Y" or "y" or "1" or "TRUE" or "true") return true;
            errors.Add(new FieldError(column, $"应填“是”或“否”，实际为“{t}”"));
            return false;
        }

        double Number(string column)
        {
            var t = Text(column);
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
            errors.Add(new FieldError(column, t.Length == 0 ? "不能为空" : $"应为数字，实际为“{t}”"));
            return 0;
        }

        DateOnly? Date(string column)
        {
            var t = Text(column);
            if (t.Length == 0) return null;
            string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"];
            if (DateOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add(new FieldError(column, $"日期格式应为 2022-07-01，实际为“{t}”"));
            return null;
        }

        T Choice<T>(string column, IReadOnlyDictionary<T, string> labels, T empty, bool required) where T : notnull
        {
            var t = Text(column);
            if (t.Length == 0)
            {
                if (required) errors.Add(new FieldError(column, "不能为空"));
                return empty;
            }
            if (Labels.TryParse(labels, t, out var value)) return value;
            errors.Add(new FieldError(column, $"“{t}”不是可选值（{string.Join("、", labels.Values.Where(v => v.Length > 0))}）"));
            return empty;
        }

        var townshipName = Text(RegistryColumns.Township);
        Department? township = null;
        if (townshipName.Length == 0) errors.Add(new FieldError(RegistryColumns.Township, "不能为空"));
        else if (!townships.TryGetValue(townshipName, out township))
            errors.Add(new FieldError(RegistryColumns.Township, $"“{townshipName}”不是涪陵区的乡镇街道"));

        var entity = new Enterprise
        {
            Name = Text(RegistryColumns.Name),
            CreditCode = CreditCode.Normalize(Text(RegistryColumns.CreditCode)),
            Address = Text(RegistryColumns.Address),
            TownshipId = township?.Id ?? 0,
            Park = Choice(RegistryColumns.Park, Labels.Parks, IndustrialPark.None, required: false),
            Longitude = Number(RegistryColumns.Longitude),
            Latitude = Number(RegistryColumns.Latitude),
            IndustryCode = Text(RegistryColumns.IndustryCode).ToUpperInvariant(),
            SupervisionClass = Choice(RegistryColumns.SupervisionClass, Labels.SupervisionClasses, SupervisionClass.Ordinary, required: true),
            PermitType = Choice(RegistryColumns.PermitType, Labels.PermitTypes, PermitManagementType.None, required: false),
            PermitNumber = NullIfEmpty(Text(RegistryColumns.PermitNumber)),
            IsAutoMonitoringKeyUnit = Flag(RegistryColumns.AutoMonitoring),
            IsNuclearTechUser = Flag(RegistryColumns.NuclearUser),
            RadiationLicenceNumber = NullIfEmpty(Text(RegistryColumns.RadiationLicence)),
            IsEnvironmentalRisk = Flag(RegistryColumns.EnvironmentalRisk),
            IsChemical = Flag(RegistryColumns.Chemical),
            IsConstructionSite = Flag(RegistryColumns.ConstructionSite),
            ConstructionStart = Date(RegistryColumns.ConstructionStart),
            ConstructionEnd = Date(RegistryColumns.ConstructionEnd),
            ContactName = NullIfEmpty(Text(RegistryColumns.ContactName)),
            ContactPhone = NullIfEmpty(Text(RegistryColumns.ContactPhone)),
        };
        var from = Date(RegistryColumns.PositiveListFrom);
        var to = Date(RegistryColumns.PositiveListTo);
        var reason = Text(RegistryColumns.PositiveListReason);
        if (from is not null || to is not null || reason.Length > 0)
        {
            var dateUnreadable = errors.Any(e => e.Field is RegistryColumns.PositiveListFrom or RegistryColumns.PositiveListTo);
            if ((from is null || to is null) && !dateUnreadable)
                errors.Add(new FieldError(RegistryColumns.PositiveListFrom, "纳入正面清单须同时填写起始和截止日期"));
            else if (from is not null && to is not null)
                entity.PositiveListEntries.Add(new PositiveListEntry { From = from.Value, To = to.Value, Reason = reason });
        }
        foreach (var column in new[] { RegistryColumns.Name, RegistryColumns.Address, RegistryColumns.PermitNumber, RegistryColumns.ContactName })
        {
            if (Text(column).Length > 200) errors.Add(new FieldError(column, "内容过长（不超过200个字符）"));
        }

        // Format errors first; rule errors only for fields that parsed, so one mistake is reported once.
        var coordinateUnreadable = errors.Any(e => e.Field is RegistryColumns.Latitude or RegistryColumns.Longitude);
        foreach (var ruleError in EnterpriseRules.Validate(entity))
        {
            if (errors.Any(e => e.Field == ruleError.Field)) continue;
            if (coordinateUnreadable && ruleError.Field == RegistryColumns.Latitude) continue;
            errors.Add(ruleError);
        }
        return (errors.Count == 0 ? entity : null, errors);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
