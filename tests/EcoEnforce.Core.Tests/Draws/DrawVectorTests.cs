using EcoEnforce.Draws;

namespace EcoEnforce.Core.Tests.Draws;

/// <summary>Same input, same draw: the property an auditor relies on. The vector is hard-coded on purpose: if it
/// breaks, the algorithm changed and needs a new id (docs/draw-algorithm.md shows the same vector).</summary>
public class DrawVectorTests
{
    [Fact]
    public void Test_vector_gives_the_documented_tasks_and_digests()
    {
        var outcome = DrawData.Run(DrawData.Vector());

        Assert.Equal(
            """
            1 915001020000000011 KeyPolluter ZF002,ZF004
            2 915001020000000022 KeyPolluter ZF002,ZF003
            3 915001020000000044 Ordinary ZF001,ZF003
            4 915001020000000077 Ordinary ZF001,ZF004
            5 915001020000000055 Ordinary ZF001,ZF003
            6 915001020000000066 Ordinary ZF002,ZF004
            7 915001020000000099 Special ZF002,ZF004
            """,
            string.Join("\n", outcome.Tasks.Select(t => $"{t.Order} {t.ObjectKey} {t.Stratum} {string.Join(",", t.InspectorKeys)}")));
        Assert.Equal(
            [new("KeyPolluter", 3, 2), new("Ordinary", 5, 4), new("Special", 1, 1)],
            outcome.Counts);
        Assert.Equal(new DrawDigests(
            "8e6a684645259ad1b2f11cb42866587b4236d5043964ab5cd138a087d3bc837b",
            "c51126b976fce86def0da6e1b572126542dddba9f18dd7d9decf5c3834610ea1",
            "0e717434fb65c55155d106ab3498d1e01b841cd821a9f110bab3f24e119b362e"), outcome.Digests);
    }

    [Fact]
    public void Same_input_gives_identical_outcome()
    {
        Assert.Equal(DrawData.Text(DrawData.Run(DrawData.Vector())), DrawData.Text(DrawData.Run(DrawData.Vector())));
    }

    [Fact]
    public void Order_of_pool_and_inspectors_does_not_matter()
    {
        var input = DrawData.Vector();
        var shuffled = input with { Pool = [.. input.Pool.Reverse()], Inspectors = [.. input.Inspectors.Reverse()] };

        Assert.Equal(DrawData.Text(DrawData.Run(input)), DrawData.Text(DrawData.Run(shuffled)));
    }

    [Fact]
    public void Order_of_quotas_and_of_conflict_keys_does_not_matter()
    {
        var input = DrawData.Vector();
        var pool = input.Pool.ToList();
        pool[1] = pool[1] with { PreviousInspectors = ["ZF004", "ZF001", "ZF004"] };
        var reordered = input with { Rules = input.Rules with { Quotas = [.. input.Rules.Quotas.Reverse()] }, Pool = pool };

        Assert.Equal(DrawData.Text(DrawData.Run(input)), DrawData.Text(DrawData.Run(reordered)));
    }

    [Fact]
    public void Renaming_one_object_changes_the_pool_digest_and_the_draw()
    {
        var input = DrawData.Vector() with { Pool = DrawData.Objects(40) };
        var pool = input.Pool.ToList();
        pool[7] = pool[7] with { Name = pool[7].Name + " " };
        input = input with { Rules = DrawData.Rules(new StratumQuota("Ordinary", Percent: 50)) };

        var before = DrawData.Run(input);
        var after = DrawData.Run(input with { Pool = pool });

        Assert.NotEqual(before.Digests.Pool, after.Digests.Pool);
        Assert.NotEqual(DrawData.Text(before), DrawData.Text(after));
    }

    [Fact]
    public void Another_seed_gives_another_draw()
    {
        var input = DrawData.Vector() with { Pool = DrawData.Objects(40), Rules = DrawData.Rules(new StratumQuota("Ordinary", Percent: 50)) };

        Assert.NotEqual(DrawData.Text(DrawData.Run(input)), DrawData.Text(DrawData.Run(input with { Seed = DrawData.Seed("other") })));
    }

    [Fact]
    public void Separator_characters_in_a_name_cannot_forge_another_pool()
    {
        // Without escaping, the name "a␟b" in one row would hash like the name "a" followed by a field "b".
        PoolObject[] one = [new("K1", "a\u001Fb", "S", [], [])];
        PoolObject[] other = [new("K1", "a\\1fb", "S", [], [])];

        var rules = DrawData.Rules(new StratumQuota("S", All: true));

        Assert.NotEqual(DrawCanonical.Digests(rules, one, []).Pool, DrawCanonical.Digests(rules, other, []).Pool);
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        var input = DrawData.Vector();
        var result = DrawAlgorithm.Draw(input with { Pool = [.. input.Pool, input.Pool[0] with { Name = "另一家" }] });

        Assert.False(result.Succeeded);
        Assert.Contains("915001020000000011", result.Errors[0].Message);
        Assert.False(DrawAlgorithm.Draw(input with { Inspectors = [.. input.Inspectors, input.Inspectors[2]] }).Succeeded);
    }
}
