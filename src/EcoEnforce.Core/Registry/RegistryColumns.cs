namespace EcoEnforce.Registry;

/// <summary>Column headings of the registry Excel template, in order. Import and export share them.</summary>
public static class RegistryColumns
{
    public const string Name = "单位名称";
    public const string CreditCode = "统一社会信用代码";
    public const string Address = "地址";
    public const string Township = "所属乡镇街道";
    public const string Park = "所在工业园区";
    public const string Longitude = "经度";
    public const string Latitude = "纬度";
    public const string IndustryCode = "行业代码";
    public const string SupervisionClass = "监管类别";
    public const string PermitType = "排污许可管理类别";
    public const string PermitNumber = "排污许可证编号";
    public const string AutoMonitoring = "自动监控重点单位";
    public const string NuclearUser = "核技术利用单位";
    public const string RadiationLicence = "辐射安全许可证编号";
    public const string EnvironmentalRisk = "环境风险企业";
    public const string Chemical = "化工企业";
    public const string ConstructionSite = "建筑工地";
    public const string ConstructionStart = "工期开始";
    public const string ConstructionEnd = "工期结束";
    public const string PositiveListFrom = "正面清单起始";
    public const string PositiveListTo = "正面清单截止";
    public const string PositiveListReason = "正面清单理由";
    public const string ContactName = "联系人";
    public const string ContactPhone = "联系电话";

    public static readonly string[] All =
    [
        Name, CreditCode, Address, Township, Park, Longitude, Latitude, IndustryCode, SupervisionClass, PermitType,
        PermitNumber, AutoMonitoring, NuclearUser, RadiationLicence, EnvironmentalRisk, Chemical, ConstructionSite,
        ConstructionStart, ConstructionEnd, PositiveListFrom, PositiveListTo, PositiveListReason, ContactName, ContactPhone,
    ];

    /// <summary>Columns a file must have; the rest may be absent (treated as empty).</summary>
    public static readonly string[] Required =
    [
        Name, CreditCode, Address, Township, Longitude, Latitude, IndustryCode, SupervisionClass,
    ];
}
