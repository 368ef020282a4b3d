namespace EcoEnforce.Targeting;

/// <summary>"Had we ordered these inspections by risk, how much earlier would we have found the problems?" — the City of
/// Chicago's evaluation (food-inspections-evaluation, <c>simulated_date_diff_mean</c>, <c>simulated_bin_summary</c>):
/// every inspection keeps its date slot, but the highest score takes the earliest date (ties keep their original
/// order); the mean of original − simulated date over the inspections that found a problem, and the share of all
/// problems found in the first half of the period — the dates whose cumulative count of inspections stays strictly
/// below half of all inspections — as scheduled and as re-ordered.</summary>
public static class Backtest
{
    public sealed record Inspection(DateOnly Date, double Score, bool Positive);

    /// <param name="Curve">Per date slot, the share of all problems found by the end of that day, as scheduled and as
    /// re-ordered (for the chart).</param>
    /// <param name="FirstHalfEnds">The last day of the first half (null when no day is in it).</param>
    public sealed record Result(int Inspections, int Positives, double DaysEarlier, double FirstHalfShareBaseline, double FirstHalfShareModel,
        IReadOnlyList<CurvePoint> Curve, DateOnly? FirstHalfEnds = null);

    public sealed record CurvePoint(DateOnly Day, double Baseline, double Model);

    public static Result Evaluate(IReadOnlyList<Inspection> inspections)
    {
        var positives = inspections.Count(i => i.Positive);
        if (inspections.Count == 0 || positives == 0) return new Result(inspections.Count, positives, 0, 0, 0, []);
        var slots = inspections.Select(i => i.Date).Order().ToArray();
        // OrderByDescending is stable: equal scores keep the order they were given in, as R's order() does.
        var simulated = new DateOnly[inspections.Count];
        var rank = 0;
        foreach (var index in Enumerable.Range(0, inspections.Count).OrderByDescending(i => inspections[i].Score))
            simulated[index] = slots[rank++];

        var daysEarlier = Enumerable.Range(0, inspections.Count).Where(i => inspections[i].Positive)
            .Average(i => inspections[i].Date.DayNumber - simulated[i].DayNumber);

        var half = inspections.Count / 2.0;
        var firstHalf = new HashSet<DateOnly>();
        var cumulative = 0;
        foreach (var day in inspections.GroupBy(i => i.Date).OrderBy(g => g.Key))
        {
            cumulative += day.Count();
            if (cumulative < half) firstHalf.Add(day.Key);
        }
        var baseline = inspections.Count(i => i.Positive && firstHalf.Contains(i.Date));
        var model = Enumerable.Range(0, inspections.Count).Count(i => inspections[i].Positive && firstHalf.Contains(simulated[i]));
        return new Result(inspections.Count, positives, daysEarlier, (double)baseline / positives, (double)model / positives,
            Curve(inspections, simulated, positives), firstHalf.Count == 0 ? null : firstHalf.Max());
    }

    private static List<CurvePoint> Curve(IReadOnlyList<Inspection> inspections, DateOnly[] simulated, int positives)
    {
        var foundOn = Enumerable.Range(0, inspections.Count).Where(i => inspections[i].Positive)
            .Select(i => (Scheduled: inspections[i].Date, Reordered: simulated[i])).ToList();
        var points = new List<CurvePoint>();
        foreach (var day in inspections.Select(i => i.Date).Distinct().Order())
            points.Add(new CurvePoint(day, (double)foundOn.Count(f => f.Scheduled <= day) / positives, (double)foundOn.Count(f => f.Reordered <= day) / positives));
        return points;
    }
}
