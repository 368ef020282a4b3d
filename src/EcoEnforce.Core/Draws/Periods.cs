namespace EcoEnforce.Draws;

/// <summary>Calendar quarters and years, and their Chinese labels.</summary>
public static class Periods
{
    public static (DateOnly Start, DateOnly End) QuarterOf(DateOnly day)
    {
        var q = (day.Month - 1) / 3;
        var start = new DateOnly(day.Year, q * 3 + 1, 1);
        return (start, start.AddMonths(3).AddDays(-1));
    }

    public static (DateOnly Start, DateOnly End) YearOf(DateOnly day) => (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));

    /// <summary>The period of a draw: a quarter (1–4) or, with no quarter, the whole year.</summary>
    public static (DateOnly Start, DateOnly End, string Label) Of(int year, int? quarter) => quarter is { } q
        ? (new DateOnly(year, q * 3 - 2, 1), new DateOnly(year, q * 3 - 2, 1).AddMonths(3).AddDays(-1), $"{year}年第{q}季度")
        : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"{year}年度");
}
