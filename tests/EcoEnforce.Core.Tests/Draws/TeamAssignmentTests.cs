using EcoEnforce.Draws;

namespace EcoEnforce.Core.Tests.Draws;

public class TeamAssignmentTests
{
    private static DrawRules AllOrdinary(int teamSize = 2) => DrawData.Rules(new StratumQuota("Ordinary", All: true)) with { TeamSize = teamSize };

    [Fact]
    public void Inspectors_in_conflict_are_never_assigned()
    {
        var inspectors = DrawData.Inspectors(4);
        List<PoolObject> pool = [.. Enumerable.Range(1, 60).Select(i => DrawData.Object($"O{i:D3}", conflicts: ["I001", "I002"]))];

        var outcome = DrawData.Run(new DrawInput(AllOrdinary(), pool, inspectors, DrawData.Seed("conflict")));

        Assert.All(outcome.Tasks, t => Assert.Equal(["I003", "I004"], t.InspectorKeys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Previous_inspectors_are_avoided_only_when_the_rule_says_so()
    {
        var inspectors = DrawData.Inspectors(3);
        List<PoolObject> pool = [.. Enumerable.Range(1, 30).Select(i => DrawData.Object($"O{i:D3}", previous: ["I001"]))];
        var input = new DrawInput(AllOrdinary() with { AvoidPreviousInspector = true }, pool, inspectors, DrawData.Seed("previous"));

        var avoided = DrawData.Run(input);
        var allowed = DrawData.Run(input with { Rules = AllOrdinary() });

        Assert.DoesNotContain(avoided.Tasks, t => t.InspectorKeys.Contains("I001"));
        Assert.Contains(allowed.Tasks, t => t.InspectorKeys.Contains("I001"));
    }

    [Fact]
    public void Every_team_has_a_lead_department_member_first()
    {
        List<PoolInspector> inspectors = [.. DrawData.Inspectors(2, "执法支队", "A"), .. DrawData.Inspectors(8, "镇街", "B")];
        var rules = AllOrdinary(3) with { LeadDepartment = "执法支队" };

        var outcome = DrawData.Run(new DrawInput(rules, DrawData.Objects(40), inspectors, DrawData.Seed("lead")));

        Assert.All(outcome.Tasks, t => Assert.StartsWith("A", t.InspectorKeys[0], StringComparison.Ordinal));
        // The other slots still go to the least loaded: the 8 others share 80 places evenly.
        var others = outcome.Tasks.SelectMany(t => t.InspectorKeys).Where(k => k.StartsWith('B')).GroupBy(k => k).Select(g => g.Count()).ToList();
        Assert.Equal(8, others.Count);
        Assert.InRange(others.Max() - others.Min(), 0, 1);
    }

    [Fact]
    public void Object_whose_lead_department_members_are_all_in_conflict_fails_by_name()
    {
        List<PoolInspector> inspectors = [new("A1", "张一", "执法支队"), new("B1", "李二", "镇街"), new("B2", "王三", "镇街")];
        List<PoolObject> pool = [DrawData.Object("O001"), new("O002", "重庆某某化工有限公司", "Ordinary", ["A1"], []), DrawData.Object("O003")];

        var result = DrawAlgorithm.Draw(new DrawInput(AllOrdinary() with { LeadDepartment = "执法支队" }, pool, inspectors, DrawData.Seed("lead-conflict")));

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal("检查对象「重庆某某化工有限公司」（O002）无法组成检查组：没有可选派的「执法支队」执法人员（该部门无人或均需回避）", result.Errors[0].Message);
    }

    [Fact]
    public void Too_few_inspectors_for_a_team_fails_naming_the_object()
    {
        List<PoolObject> pool = [new("O001", "重庆某某电镀厂", "Ordinary", ["I002"], [])];

        var result = DrawAlgorithm.Draw(new DrawInput(AllOrdinary(), pool, DrawData.Inspectors(2), DrawData.Seed("few")));

        Assert.False(result.Succeeded);
        Assert.Equal("检查对象「重庆某某电镀厂」（O001）无法组成 2 人检查组：执法人员共 2 人，需回避 1 人，可选派人数不足", result.Errors[0].Message);
    }

    [Fact]
    public void Conflict_keys_of_unknown_inspectors_are_ignored()
    {
        List<PoolObject> pool = [DrawData.Object("O001", conflicts: ["不在名单"])];

        var outcome = DrawData.Run(new DrawInput(AllOrdinary(), pool, DrawData.Inspectors(2), DrawData.Seed("unknown")));

        Assert.Equal(2, outcome.Tasks[0].InspectorKeys.Count);
    }
}
