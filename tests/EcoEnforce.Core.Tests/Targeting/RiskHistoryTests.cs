using EcoEnforce.Targeting;

namespace EcoEnforce.Core.Tests.Targeting;

/// <summary>Risk features see only the past, and a model trained on them learns who is likely to have problems.</summary>
public sealed class RiskHistoryTests
{
    private static readonly DateOnly Day = new(2022, 6, 1);

    private static RiskHistory.EntityFacts Entity(int id, double lat = 29.70, double lon = 107.39) =>
        new(id, $"单位{id}", 1, "Ordinary", "26", "Simplified", false, false, false, lat + id * 0.01, lon, []);

    [Fact]
    public void A_fact_dated_on_or_after_the_day_is_rejected_as_leakage()
    {
        var asOf = new RiskHistory.AsOf(Day);
        Assert.Equal(1, asOf.Use("既往问题数", Day.AddDays(-1), 1));
        var e = Assert.Throws<LeakageException>(() => asOf.Use("既往问题数", Day, 1));
        Assert.Contains("不能用检查之后才知道的数据", e.Message, StringComparison.Ordinal);
        Assert.Throws<LeakageException>(() => asOf.Use("上次检查", Day.AddDays(3), 1));
    }

    [Fact]
    public void Facts_from_the_day_itself_or_later_do_not_change_the_features()
    {
        var before = new RiskHistory
        {
            Entities = new Dictionary<int, RiskHistory.EntityFacts> { [1] = Entity(1) },
            Inspections = [new(1, 1, Day.AddDays(-100), 7, true, [])],
            Problems = [new(1, Day.AddDays(-100), 2)],
        };
        var after = new RiskHistory
        {
            Entities = before.Entities,
            // The inspection of the day itself, its problem and fine, a complaint and a lead that day and later.
            Inspections = [.. before.Inspections, new(2, 1, Day, 8, true, []), new(3, 1, Day.AddDays(5), 8, true, [])],
            Problems = [.. before.Problems, new(1, Day, 50), new(1, Day.AddDays(5), 10)],
            Complaints = [new(1, Day, 29.71, 107.39), new(1, Day.AddDays(1), 29.71, 107.39)],
            Leads = [new(1, Day, null)],
        };
        Assert.Equal(before.Features(1, Day), after.Features(1, Day));
        Assert.Equal(100.0, Convert.ToDouble(after.Features(1, Day)["距上次检查天数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, after.Features(1, Day)["既往问题数"]);
    }

    [Fact]
    public void A_model_trained_on_history_ranks_repeat_offenders_first_and_would_have_found_problems_earlier()
    {
        // 40 entities; the first ten had problems before and keep having them, the rest rarely do.
        var random = new Random(4);
        var entities = Enumerable.Range(1, 40).ToDictionary(i => i, i => Entity(i));
        var inspections = new List<RiskHistory.Inspection>();
        var problems = new List<RiskHistory.ProblemFact>();
        var task = 0;
        for (var round = 0; round < 6; round++)
            // Each round visits the entities in a random order, so the risky ones are spread over the round.
            foreach (var (id, slot) in entities.Keys.OrderBy(_ => random.Next()).Select((id, slot) => (id, slot)))
            {
                var on = new DateOnly(2021, 1, 10).AddDays(round * 60 + slot);
                var found = random.NextDouble() < (id <= 10 ? (round == 0 ? 0.7 : 0.8) : 0.1);
                inspections.Add(new(++task, id, on, 100 + id % 3, found, []));
                if (found) problems.Add(new(id, on, 1));
            }
        var history = new RiskHistory { Entities = entities, Inspections = inspections, Problems = problems };
        var today = new DateOnly(2022, 3, 1);
        var model = RiskModel.Train(history, today)!;
        Assert.Equal(inspections.Count, model.TrainingRows);
        var top = model.Rank(today).Take(10).Select(s => s.Entity.Id).ToList();
        Assert.True(top.Count(id => id <= 10) >= 8, $"top ten: {string.Join(",", top)}");
        var backtest = RiskModel.Evaluate(history, today, days: 120)!;
        Assert.True(backtest.DaysEarlier > 0 && backtest.FirstHalfShareModel > backtest.FirstHalfShareBaseline);

        // The weights say why: the past-problem features (count, recent count, fines — one per problem here) weigh most,
        // and the inspectors' effects are never shown as an entity's risk.
        string[] past = ["既往问题数", "近一年问题数", "既往罚款（万元，对数）"];
        Assert.All(model.Factors.Take(3), f => Assert.True(past.Contains(f.Feature) && f.PerUnit > 0, f.ToString()));
        Assert.DoesNotContain(model.Factors, f => f.Feature == RiskModel.InspectorFeature);
        var reasons = model.Reasons(top[0], today);
        Assert.NotEmpty(reasons);
        Assert.Contains(reasons, r => past.Contains(r.Feature));
        Assert.True(reasons.Zip(reasons.Skip(1)).All(p => p.First.LogOdds >= p.Second.LogOdds));
    }

    [Fact]
    public void Too_little_history_gives_no_model_rather_than_a_wild_one()
    {
        var history = new RiskHistory
        {
            Entities = new Dictionary<int, RiskHistory.EntityFacts> { [1] = Entity(1) },
            Inspections = [.. Enumerable.Range(0, 10).Select(i => new RiskHistory.Inspection(i, 1, Day.AddDays(-i - 1), null, i % 2 == 0, []))],
        };
        Assert.Null(RiskModel.Train(history, Day));
    }
}
