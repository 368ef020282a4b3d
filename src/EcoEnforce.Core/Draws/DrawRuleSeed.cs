using EcoEnforce.Campaigns;
using EcoEnforce.Organisation;
using EcoEnforce.Places;
using EcoEnforce.Registry;

namespace EcoEnforce.Draws;

/// <summary>Rule sets shipped on first start: two example profiles to copy (the national baseline for city-level
/// bureaus and the Chongqing county-level profile), and the 2022 plan's draws: the water campaign's quarterly draw,
/// and the zone-based draws the plan names (3 km round air stations, 300 m round exam venues in exam periods,
/// 1 km along the Yangtze and Wujiang for chemical enterprises).</summary>
public static class DrawRuleSeed
{
    private static readonly List<FrequencyCap> Caps =
    [
        new() { Class = SupervisionClass.KeyPolluter, MaxRoutine = 1, Per = DrawPeriodKind.Quarter },
        new() { Class = SupervisionClass.Ordinary, MaxRoutine = 1, Per = DrawPeriodKind.Year },
    ];

    private static readonly List<CoverageDuty> KeyOncePerYear = [new() { Class = SupervisionClass.KeyPolluter, MinPerYear = 1 }];

    public static List<DrawRuleSet> Build(IReadOnlyList<Campaign> campaigns, IReadOnlyList<Department> departments, DateTime nowUtc)
    {
        var lead = departments.FirstOrDefault(d => d.ShortName == "执法支队")?.Id;
        int? Campaign(CampaignKind kind) => campaigns.FirstOrDefault(c => c.Kind == kind)?.Id;
        DrawRuleSet Set(string name, string description, int? campaignId, DrawRuleSpec spec) => new()
        {
            Name = name, Description = description, CampaignId = campaignId, IsExample = campaignId is null, SpecJson = spec.ToJson(), UpdatedAtUtc = nowUtc,
        };
        var sets = new List<DrawRuleSet>
        {
            Set("全国基线（市级，示例）", "重点排污单位每季度抽查比例不低于5%，特殊监管对象不低于10%；重点单位每季度、一般单位每年例行抽查不超过1次；重点单位全年至少检查1次。复制后用于具体专项。", null,
                new DrawRuleSpec
                {
                    Quotas = [Quota(SupervisionClass.KeyPolluter, 5), Quota(SupervisionClass.Special, 10)],
                    Caps = Caps, Coverage = KeyOncePerYear,
                }),
            Set("重庆区县（示例）", "区县级：重点排污单位每季度抽查比例不低于25%，特殊监管对象不低于50%，一般排污单位每年按“1名执法人员：5家”抽查；频次上限同全国基线。", null,
                new DrawRuleSpec
                {
                    Period = DrawPeriodKind.Year,
                    Quotas = [Quota(SupervisionClass.KeyPolluter, 25), Quota(SupervisionClass.Special, 50), new() { Class = SupervisionClass.Ordinary, PerInspector = 5 }],
                    Caps = Caps, Coverage = KeyOncePerYear,
                }),
        };
        if (Campaign(CampaignKind.Water) is { } water)
            sets.Add(Set("2022年水专项季度抽查", "全区排污单位：重点25%、一般5%、特殊25%（向上取整），每组2名执法人员、至少1名来自执法支队，避开上次检查人员；正面清单企业不纳入例行现场抽查。", water,
                new DrawRuleSpec
                {
                    Quotas = [Quota(SupervisionClass.KeyPolluter, 25), Quota(SupervisionClass.Ordinary, 5), Quota(SupervisionClass.Special, 25)],
                    Caps = Caps, Coverage = KeyOncePerYear, LeadDepartmentId = lead, AvoidPreviousInspector = true,
                }));
        if (Campaign(CampaignKind.Air) is { } air)
            sets.Add(Set("2022年大气专项·空气站周边3公里", "国控、市控空气自动站周边3公里范围内的排污单位，各类均抽查30%。", air,
                new DrawRuleSpec
                {
                    Filter = new PoolFilter { Zones = [new() { Kind = PlaceKind.AirStation, Metres = 3000, Levels = [StationLevel.National, StationLevel.Municipal] }] },
                    Quotas = [Quota(SupervisionClass.KeyPolluter, 30), Quota(SupervisionClass.Ordinary, 30), Quota(SupervisionClass.Special, 30)],
                    Caps = Caps, LeadDepartmentId = lead,
                }));
        if (Campaign(CampaignKind.NightConstructionNoise) is { } noise)
            sets.Add(Set("2022年中高考考点周边300米", "考试期间考点周边300米范围内的建筑施工工地和排污单位全部检查。", noise,
                new DrawRuleSpec
                {
                    Period = DrawPeriodKind.Quarter,
                    Filter = new PoolFilter { Zones = [new() { Kind = PlaceKind.ExamVenue, Metres = 300 }] },
                    Quotas = [All(SupervisionClass.KeyPolluter), All(SupervisionClass.Ordinary), All(SupervisionClass.Special)],
                }));
        if (Campaign(CampaignKind.EnvironmentalSafety) is { } safety)
            sets.Add(Set("2022年沿江1公里化工企业", "长江、乌江沿岸1公里范围内的化工企业，各类均抽查50%，每组至少1名执法支队人员。", safety,
                new DrawRuleSpec
                {
                    Filter = new PoolFilter { Zones = [new() { Kind = PlaceKind.River, Metres = 1000, ChemicalOnly = true }] },
                    Quotas = [Quota(SupervisionClass.KeyPolluter, 50), Quota(SupervisionClass.Ordinary, 50), Quota(SupervisionClass.Special, 50)],
                    LeadDepartmentId = lead,
                }));
        return sets;
    }

    private static ClassQuota Quota(SupervisionClass c, decimal percent) => new() { Class = c, Percent = percent };

    private static ClassQuota All(SupervisionClass c) => new() { Class = c, All = true };
}
