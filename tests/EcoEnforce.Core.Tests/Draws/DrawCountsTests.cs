using EcoEnforce.Draws;

namespace EcoEnforce.Core.Tests.Draws;

public class DrawCountsTests
{
    private static IReadOnlyList<StratumCount> Counts(DrawRules rules, List<PoolObject> pool, int inspectors)
    {
        var result = DrawCounts.Compute(rules, pool, DrawData.Inspectors(inspectors));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    [Fact]
    public void Percent_is_rounded_up()
    {
        var counts = Counts(DrawData.Rules(new StratumQuota("Ordinary", Percent: 25)), DrawData.Objects(10), 3);

        Assert.Equal(new StratumCount("Ordinary", 10, 3), Assert.Single(counts));
    }

    [Fact]
    public void Exact_percent_is_not_rounded_further()
    {
        var counts = Counts(DrawData.Rules(new StratumQuota("Ordinary", Percent: 12.5m)), DrawData.Objects(80), 3);

        Assert.Equal(10, counts[0].Requested);
    }

    [Fact]
    public void PerInspector_asks_for_inspectors_times_n()
    {
        var counts = Counts(DrawData.Rules(new StratumQuota("Ordinary", PerInspector: 3)), DrawData.Objects(50), 7);

        Assert.Equal(21, counts[0].Requested);
    }

    [Fact]
    public void All_takes_the_whole_stratum_and_other_strata_are_not_drawn()
    {
        List<PoolObject> pool = [.. DrawData.Objects(4, "Special", "S"), .. DrawData.Objects(9, "Ordinary")];

        var counts = Counts(DrawData.Rules(new StratumQuota("Special", All: true)), pool, 2);

        Assert.Equal(new StratumCount("Special", 4, 4), Assert.Single(counts));
    }

    [Fact]
    public void Stratum_without_objects_yields_zero()
    {
        var counts = Counts(DrawData.Rules(new StratumQuota("KeyPolluter", PerInspector: 5), new StratumQuota("Ordinary", Percent: 10)), DrawData.Objects(10), 4);

        Assert.Equal([new StratumCount("KeyPolluter", 0, 0), new StratumCount("Ordinary", 10, 1)], counts);
    }

    [Fact]
    public void Asking_for_more_than_the_stratum_holds_is_an_error_without_result()
    {
        var rules = DrawData.Rules(new StratumQuota("Ordinary", PerInspector: 2));

        var result = DrawCounts.Compute(rules, DrawData.Objects(25), DrawData.Inspectors(20));
        var draw = DrawAlgorithm.Draw(new DrawInput(rules, DrawData.Objects(25), DrawData.Inspectors(20), DrawData.Seed("x")));

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal("「一般排污单位」按 1 名执法人员对应 2 家（20 名执法人员）需抽取 40 家，但名录中只有 25 家", result.Errors[0].Message);
        Assert.False(draw.Succeeded);
        Assert.Null(draw.Value);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(10, 2, false)]
    [InlineData(10, null, true)]
    [InlineData(0, null, false)]
    [InlineData(101, null, false)]
    [InlineData(null, 0, false)]
    public void Quota_must_name_exactly_one_valid_way(int? percent, int? perInspector, bool all)
    {
        var rules = DrawData.Rules(new StratumQuota("Ordinary", percent, perInspector, all));

        Assert.False(DrawCounts.Compute(rules, DrawData.Objects(5), DrawData.Inspectors(2)).Succeeded);
    }

    [Fact]
    public void Team_of_one_is_rejected()
    {
        var rules = DrawData.Rules(new StratumQuota("Ordinary", All: true)) with { TeamSize = 1 };

        Assert.Contains("不少于 2 人", DrawCounts.Compute(rules, DrawData.Objects(5), DrawData.Inspectors(2)).Errors[0].Message);
    }
}
