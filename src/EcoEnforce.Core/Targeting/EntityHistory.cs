namespace EcoEnforce.Targeting;

/// <summary>Two features any inspection table gives about its own entities (an establishment, a regulated entity):
/// how often the entity was inspected before (capped, as a fifth visit says little more than a fourth) and the share of
/// those inspections that found a violation, smoothed toward the training base rate by two pseudo-inspections so that
/// one visit does not read as 0 % or 100 %. Only outcomes before <c>outcomesKnownBefore</c> (the training cut-off)
/// count: when a period's order of work is set, none of that period's outcomes is known yet.</summary>
public static class EntityHistory
{
    public const int CountCap = 5;
    public const double PseudoInspections = 2;

    /// <summary>The table with <paramref name="entityColumn"/> replaced by <c>{entity}_prior_inspections</c> and
    /// <c>{entity}_prior_violation_rate</c>. Rows with an empty entity have no history.</summary>
    public static InspectionTable Append(InspectionTable table, string entityColumn, DateOnly outcomesKnownBefore)
    {
        var source = table.Columns.ToList().IndexOf(entityColumn);
        if (source < 0) throw new ArgumentException($"找不到对象列“{entityColumn}”");
        var known = Enumerable.Range(0, table.Count).Where(i => table.Dates[i] < outcomesKnownBefore).ToList();
        var baseRate = known.Count == 0 ? 0 : known.Average(i => table.Outcomes[i]);

        var counts = new double[table.Count];
        var rates = Enumerable.Repeat(baseRate, table.Count).ToArray();
        var byEntity = Enumerable.Range(0, table.Count).Where(i => table.Features[i][source].Length > 0).GroupBy(i => table.Features[i][source]);
        foreach (var group in byEntity)
        {
            var visits = group.OrderBy(i => table.Dates[i]).ToArray();
            var dates = visits.Select(i => table.Dates[i]).ToArray();
            // violations[k] = violations among the first k visits, counting only outcomes known before the cut-off.
            var violations = new double[visits.Length + 1];
            for (var k = 0; k < visits.Length; k++)
                violations[k + 1] = violations[k] + (dates[k] < outcomesKnownBefore ? table.Outcomes[visits[k]] : 0);
            foreach (var row in visits)
            {
                var day = table.Dates[row];
                var before = FirstOnOrAfter(dates, day);
                var knownBefore = FirstOnOrAfter(dates, day < outcomesKnownBefore ? day : outcomesKnownBefore);
                counts[row] = Math.Min(before, CountCap);
                rates[row] = (violations[knownBefore] + PseudoInspections * baseRate) / (knownBefore + PseudoInspections);
            }
        }

        var columns = table.Columns.Where((_, c) => c != source).Append($"{entityColumn}_prior_inspections").Append($"{entityColumn}_prior_violation_rate");
        var features = Enumerable.Range(0, table.Count).Select(i => table.Features[i].Where((_, c) => c != source)
            .Append(Cell(counts[i])).Append(Cell(rates[i])).ToArray()).ToList();
        return InspectionTable.FromRows([.. columns], table.Dates, table.Outcomes, features);
    }

    private static int FirstOnOrAfter(DateOnly[] sorted, DateOnly day)
    {
        var i = Array.BinarySearch(sorted, day);
        if (i < 0) return ~i;
        while (i > 0 && sorted[i - 1] == day) i--;
        return i;
    }

    private static string Cell(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
