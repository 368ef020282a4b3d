using EcoEnforce.Targeting;

namespace EcoEnforce.Core.Tests.Targeting;

/// <summary>The City of Chicago's evaluation on tables small enough to work out by hand.</summary>
public sealed class BacktestTests
{
    private static readonly DateOnly D1 = new(2022, 3, 1), D2 = new(2022, 3, 2), D3 = new(2022, 3, 3), D4 = new(2022, 3, 4);

    [Fact]
    public void The_riskiest_inspection_takes_the_earliest_slot_and_the_days_saved_are_averaged_over_positives()
    {
        // Scheduled: the two violations fall on the 3rd and the 4th; the model ranks them first and second.
        var result = Backtest.Evaluate([new(D1, 0.1, false), new(D2, 0.2, false), new(D3, 0.9, true), new(D4, 0.8, true)]);
        // 3rd → 1st (2 days earlier), 4th → 2nd (2 days earlier).
        Assert.Equal(2.0, result.DaysEarlier, 10);
        // Cumulative counts 1, 2, 3, 4 of 4: only the 1st is strictly below half, so the first half is {1 March}.
        Assert.Equal((0.0, 0.5), (result.FirstHalfShareBaseline, result.FirstHalfShareModel));
        // The chart's curve: share of the violations found by the end of each day, scheduled vs re-ordered.
        Assert.Equal([new(D1, 0, 0.5), new(D2, 0, 1), new(D3, 0.5, 1), new(D4, 1, 1)], result.Curve);
        Assert.Equal(D1, result.FirstHalfEnds);
    }

    [Fact]
    public void A_model_that_ranks_the_violations_last_finds_them_later()
    {
        var result = Backtest.Evaluate([new(D1, 0.1, true), new(D2, 0.9, false), new(D3, 0.8, false), new(D4, 0.2, false)]);
        Assert.Equal(-3.0, result.DaysEarlier, 10);
        Assert.Equal((1.0, 0.0), (result.FirstHalfShareBaseline, result.FirstHalfShareModel));
    }

    [Fact]
    public void Several_inspections_a_day_keep_the_days_capacity_and_equal_scores_keep_their_order()
    {
        // Two slots on each day; equal scores keep the given order, so nothing moves.
        var result = Backtest.Evaluate([new(D1, 0.5, false), new(D1, 0.5, true), new(D2, 0.5, true), new(D2, 0.5, false)]);
        Assert.Equal(0.0, result.DaysEarlier, 10);
        // Cumulative 2 of 4 is not strictly below half: no day is in the first half.
        Assert.Equal((0.0, 0.0), (result.FirstHalfShareBaseline, result.FirstHalfShareModel));
    }

    [Fact]
    public void No_positives_or_no_rows_give_zeros_not_a_division_by_zero()
    {
        Assert.Equal(0, Backtest.Evaluate([]).DaysEarlier);
        Assert.Equal(0, Backtest.Evaluate([new(D1, 0.3, false)]).FirstHalfShareModel);
    }
}
