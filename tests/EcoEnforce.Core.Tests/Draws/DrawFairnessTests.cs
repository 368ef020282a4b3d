using EcoEnforce.Draws;

namespace EcoEnforce.Core.Tests.Draws;

/// <summary>Statistical checks over fixed seeds ("fairness-0", "fairness-1", …), so they are exact and never flaky.</summary>
public class DrawFairnessTests
{
    [Fact]
    public void Every_object_is_drawn_about_equally_often()
    {
        const int seeds = 2000, poolSize = 50, take = 10;
        var rules = DrawData.Rules(new StratumQuota("Ordinary", Percent: 20));
        var pool = DrawData.Objects(poolSize);
        var inspectors = DrawData.Inspectors(take * 2);
        var frequency = pool.ToDictionary(o => o.Key, _ => 0);
        var firstPlace = pool.ToDictionary(o => o.Key, _ => 0);

        for (var i = 0; i < seeds; i++)
        {
            var outcome = DrawData.Run(new DrawInput(rules, pool, inspectors, DrawData.Seed($"fairness-{i}")));
            Assert.Equal(take, outcome.Tasks.Count);
            foreach (var task in outcome.Tasks) frequency[task.ObjectKey]++;
            firstPlace[outcome.Tasks[0].ObjectKey]++;
        }

        // Expected 400 each (20 %). Pearson's statistic with 49 degrees of freedom; 85.35 is the 0.1 % critical value.
        // (Exactly 10 per draw makes the cells slightly negatively correlated, which only makes the test stricter.)
        const double expected = seeds * (double)take / poolSize;
        var chi = frequency.Values.Sum(c => Math.Pow(c - expected, 2) / expected);
        Assert.True(chi < 85.35, $"chi-square {chi:F1}; min {frequency.Values.Min()}, max {frequency.Values.Max()}");
        // The selection order is random too: every object leads the list about 2000 / 50 = 40 times.
        var chiFirst = firstPlace.Values.Sum(c => Math.Pow(c - 40.0, 2) / 40.0);
        Assert.True(chiFirst < 85.35, $"chi-square of first place {chiFirst:F1}");
    }

    [Fact]
    public void Unconstrained_teams_spread_the_work_within_one_task()
    {
        var pool = DrawData.Objects(97);
        var inspectors = DrawData.Inspectors(13);
        var rules = DrawData.Rules(new StratumQuota("Ordinary", All: true)) with { TeamSize = 3 };

        for (var i = 0; i < 20; i++)
        {
            var outcome = DrawData.Run(new DrawInput(rules, pool, inspectors, DrawData.Seed($"load-{i}")));
            var load = inspectors.ToDictionary(p => p.Key, _ => 0);
            foreach (var key in outcome.Tasks.SelectMany(t => t.InspectorKeys)) load[key]++;

            Assert.Equal(97 * 3, load.Values.Sum());
            Assert.InRange(load.Values.Max() - load.Values.Min(), 0, 1);
            Assert.All(outcome.Tasks, t => Assert.Equal(3, t.InspectorKeys.Distinct().Count()));
        }
    }

    [Fact]
    public void Ties_between_least_loaded_inspectors_are_broken_evenly()
    {
        // 1 object, 10 inspectors, team of 2: every pair should turn up; each inspector in about 20 % of draws.
        var inspectors = DrawData.Inspectors(10);
        var rules = DrawData.Rules(new StratumQuota("Ordinary", All: true));
        var picked = inspectors.ToDictionary(p => p.Key, _ => 0);
        for (var i = 0; i < 2000; i++)
        {
            var outcome = DrawData.Run(new DrawInput(rules, DrawData.Objects(1), inspectors, DrawData.Seed($"tie-{i}")));
            foreach (var key in outcome.Tasks[0].InspectorKeys) picked[key]++;
        }

        // 400 expected each; 27.88 is the 0.1 % critical value for 9 degrees of freedom.
        var chi = picked.Values.Sum(c => Math.Pow(c - 400.0, 2) / 400.0);
        Assert.True(chi < 27.88, $"chi-square {chi:F1}: {string.Join(",", picked.Values)}");
    }
}
