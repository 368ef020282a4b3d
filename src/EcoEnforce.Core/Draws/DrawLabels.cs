namespace EcoEnforce.Draws;

public static class DrawLabels
{
    public static readonly IReadOnlyDictionary<EntityFlag, string> Flags = new Dictionary<EntityFlag, string>
    {
        [EntityFlag.AutoMonitoringKeyUnit] = "自动监控重点单位",
        [EntityFlag.NuclearTechUser] = "核技术利用单位",
        [EntityFlag.EnvironmentalRisk] = "环境风险企业",
        [EntityFlag.Chemical] = "化工企业",
        [EntityFlag.ConstructionSite] = "建筑施工工地",
    };
}
