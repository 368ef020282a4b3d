using EcoEnforce.Campaigns;
using EcoEnforce.Organisation;

namespace EcoEnforce.Core.Tests.Campaigns;

public sealed class PlanLifecycleTests
{
    private static Plan Plan2022() =>
        PlanSeed.Load2022([.. Departments.All().Select((d, i) => { d.Id = i + 1; return d; })], new DateTime(2022, 6, 29, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Copying_to_next_year_makes_a_draft_with_every_date_moved_a_year()
    {
        var source = Plan2022();
        var copy = PlanCloner.Clone(source, 2023, DateTime.UnixEpoch);
        Assert.Equal(PlanStatus.Draft, copy.Status);
        Assert.Equal("涪陵区2023年生态环境执法现场检查计划", copy.Title);
        Assert.Equal(8, copy.Campaigns.Count);
        var sourcePhases = source.Campaigns.SelectMany(c => c.Phases).ToList();
        var copiedPhases = copy.Campaigns.SelectMany(c => c.Phases).ToList();
        Assert.Equal(sourcePhases.Select(p => p.End?.AddYears(1)), copiedPhases.Select(p => p.End));
        Assert.Equal(source.Campaigns.Sum(c => c.CheckItems.Count), copy.Campaigns.Sum(c => c.CheckItems.Count));
    }

    [Fact]
    public void A_copy_does_not_share_rows_with_its_source()
    {
        var source = Plan2022();
        var copy = PlanCloner.Clone(source, 2023, DateTime.UnixEpoch);
        Assert.DoesNotContain(copy.Campaigns, c => source.Campaigns.Contains(c));
        Assert.DoesNotContain(copy.Campaigns.SelectMany(c => c.Phases), p => source.Campaigns.SelectMany(c => c.Phases).Contains(p));
    }

    [Fact]
    public void The_seeded_plan_is_ready_to_publish() => Assert.Empty(PlanRules.ReadyToPublish(Plan2022()));

    [Fact]
    public void A_plan_with_a_campaign_missing_its_scope_or_phases_cannot_be_published()
    {
        var plan = Plan2022();
        plan.Campaigns[0].Scope = " ";
        plan.Campaigns[1].Phases.Clear();
        var errors = PlanRules.ReadyToPublish(plan);
        Assert.Contains(errors, e => e.Message.Contains("检查范围", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("时间阶段", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_drafts_are_editable()
    {
        var plan = Plan2022();
        Assert.False(plan.IsEditable);
        Assert.True(PlanCloner.Clone(plan, 2023, DateTime.UnixEpoch).IsEditable);
    }
}
