using EcoEnforce.Campaigns;
using EcoEnforce.Organisation;

namespace EcoEnforce.Core.Tests.Campaigns;

public sealed class PlanSeedTests
{
    private static readonly List<Department> Departments = [.. EcoEnforce.Organisation.Departments.All().Select((d, i) => { d.Id = i + 1; return d; })];
    private static readonly Plan Plan = PlanSeed.Load2022(Departments, new DateTime(2022, 6, 29, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void The_2022_plan_has_the_eight_campaigns_in_document_order() =>
        Assert.Equal(
            [CampaignKind.Water, CampaignKind.Air, CampaignKind.NightConstructionNoise, CampaignKind.HazardousWasteSoil,
             CampaignKind.ConstructionPermitsNatureReserves, CampaignKind.NuclearRadiation, CampaignKind.AutoMonitoringFraud,
             CampaignKind.EnvironmentalSafety],
            Plan.Campaigns.OrderBy(c => c.SortOrder).Select(c => c.Kind));

    [Fact]
    public void Campaign_texts_are_the_seed_words()
    {
        var air = Plan.Campaigns.Single(c => c.Kind == CampaignKind.Air);
        Assert.StartsWith("以国控、区控大气监测站点3公里范围为重点", air.Scope, StringComparison.Ordinal);
        var noise = Plan.Campaigns.Single(c => c.Kind == CampaignKind.NightConstructionNoise);
        Assert.Contains("考场周围300米区域", noise.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public void Common_phases_are_July_self_inspection_August_joint_guidance_and_a_November_summary()
    {
        var water = Plan.Campaigns.Single(c => c.Kind == CampaignKind.Water);
        var plan = water.Phases.Where(p => p.Source == "plan").ToList();
        Assert.Contains(plan, p => p.Name == "自查自纠" && p.Start == new DateOnly(2022, 7, 1) && p.End == new DateOnly(2022, 7, 31));
        Assert.Contains(plan, p => p.Name == "区级联合指导帮扶" && p.End == new DateOnly(2022, 8, 31));
        Assert.Contains(plan, p => p.End == new DateOnly(2022, 11, 30));
    }

    [Fact]
    public void The_safety_campaign_has_its_own_three_windows()
    {
        var safety = Plan.Campaigns.Single(c => c.Kind == CampaignKind.EnvironmentalSafety);
        var windows = safety.Phases.Where(p => p.Source == "plan").OrderBy(p => p.Start).ToList();
        Assert.Equal(3, windows.Count);
        Assert.Equal((new DateOnly(2022, 1, 1), new DateOnly(2022, 3, 31)), (windows[0].Start!.Value, windows[0].End!.Value));
        Assert.Equal((new DateOnly(2022, 4, 1), new DateOnly(2022, 10, 31)), (windows[1].Start!.Value, windows[1].End!.Value));
        Assert.Equal((new DateOnly(2022, 11, 1), new DateOnly(2022, 12, 31)), (windows[2].Start!.Value, windows[2].End!.Value));
    }

    [Fact]
    public void The_annexes_carry_their_specifics()
    {
        var water = Plan.Campaigns.Single(c => c.Kind == CampaignKind.Water);
        Assert.Equal(1, water.AnnexNumber);
        Assert.Contains(water.Phases, p => p.Source == "annex1" && p.End == new DateOnly(2022, 11, 15));
        Assert.Contains(water.ReportingDeadlines, d => d.Kind == ReportingKind.Monthly && d.DayOfMonth == 25);
        Assert.Contains(water.ReportingDeadlines, d => d.Kind == ReportingKind.Summary && d.Due == new DateOnly(2022, 11, 30));

        var nuclear = Plan.Campaigns.Single(c => c.Kind == CampaignKind.NuclearRadiation);
        Assert.Equal(84, nuclear.TargetUnitCount);
        Assert.Contains(nuclear.CheckItems, i => i.Text.Contains("闲置、废弃放射源", StringComparison.Ordinal));

        var monitoring = Plan.Campaigns.Single(c => c.Kind == CampaignKind.AutoMonitoringFraud);
        Assert.Equal(52, monitoring.TargetUnitCount);
        Assert.Equal(10, monitoring.CheckItems.Count);
        Assert.Contains(monitoring.CheckItems, i => i.Text.Contains("三方数据是否一致", StringComparison.Ordinal));
    }

    [Fact]
    public void Participating_departments_resolve_to_the_registry_of_units()
    {
        var hazardous = Plan.Campaigns.Single(c => c.Kind == CampaignKind.HazardousWasteSoil);
        var names = hazardous.Departments.Select(d => Departments.Single(x => x.Id == d.DepartmentId).ShortName).ToList();
        Assert.Equal(["执法支队", "土固科", "监测站", "区公安局", "区检察院", "区法院", "区司法局"], names);
    }
}
