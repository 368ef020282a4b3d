using System.Globalization;
using EcoEnforce.Targeting;

namespace EcoEnforce.Core.Tests.Targeting;

public sealed class EntityHistoryTests
{
    private static readonly DateOnly D1 = new(2022, 3, 1), D2 = new(2022, 3, 2), D3 = new(2022, 3, 3), D4 = new(2022, 3, 4);

    private static InspectionTable Table(params (string Entity, DateOnly On, double Outcome)[] rows)
    {
        var csv = "day,found,site,size\n" + string.Concat(rows.Select(r => $"{r.On:yyyy-MM-dd},{r.Outcome},{r.Entity},1\n"));
        return InspectionTable.Read(new StringReader(csv), "day", "found", []);
    }

    private static (double Count, double Rate)[] History(InspectionTable table, DateOnly cutoff)
    {
        var derived = EntityHistory.Append(table, "site", cutoff);
        Assert.Equal(["size", "site_prior_inspections", "site_prior_violation_rate"], derived.Columns);
        return [.. derived.Features.Select(f => (Parse(f[1]), Parse(f[2])))];
    }

    private static double Parse(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    [Fact]
    public void Earlier_visits_are_counted_and_their_violation_rate_is_smoothed_toward_the_base_rate()
    {
        // Base rate before the cut-off: 1 violation in 4 rows = 0.25; two pseudo-inspections carry 0.5 violations.
        var history = History(Table(("a", D1, 1), ("b", D1, 0), ("a", D2, 0), ("b", D2, 0), ("a", D3, 1)), D3);
        Assert.Equal((0, 0.25), history[0]);
        Assert.Equal(1, history[2].Count);
        Assert.Equal((1 + 0.5) / (1 + 2), history[2].Rate, 12);
        Assert.Equal(2, history[4].Count);
        Assert.Equal((1 + 0.5) / (2 + 2), history[4].Rate, 12);
        Assert.Equal(1, history[3].Count);
        Assert.Equal(0.5 / 3, history[3].Rate, 12);
    }

    [Fact]
    public void Outcomes_from_the_cut_off_on_are_never_used_even_for_later_rows()
    {
        var cutoff = D3;
        var found = History(Table(("a", D1, 0), ("a", D3, 1), ("a", D4, 0)), cutoff);
        var notFound = History(Table(("a", D1, 0), ("a", D3, 0), ("a", D4, 0)), cutoff);
        Assert.Equal(found, notFound);
        // The visit on the 3rd still counts as a visit for the row on the 4th; only its outcome is unknown.
        Assert.Equal(2, found[2].Count);
    }

    [Fact]
    public void Visits_on_the_same_day_are_not_each_others_history_and_a_blank_entity_has_none()
    {
        var history = History(Table(("a", D1, 1), ("a", D1, 1), ("", D2, 1), ("", D2, 0)), D4);
        Assert.All(history, h => Assert.Equal(0, h.Count));
        Assert.All(history, h => Assert.Equal(0.75, h.Rate, 12));
    }

    [Fact]
    public void The_visit_count_is_capped()
    {
        var visits = Enumerable.Range(0, 9).Select(d => ("a", D1.AddDays(d), 0.0)).ToArray();
        Assert.Equal(EntityHistory.CountCap, History(Table(visits), D1).Max(h => h.Count));
    }

    [Fact]
    public void An_unknown_entity_column_is_an_error_in_chinese()
    {
        var error = Assert.Throws<ArgumentException>(() => EntityHistory.Append(Table(("a", D1, 0)), "shop", D2));
        Assert.Contains("找不到对象列", error.Message);
    }
}
