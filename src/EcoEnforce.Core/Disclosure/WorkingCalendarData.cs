using System.Text.Json;

namespace EcoEnforce.Disclosure;

/// <summary>China's holiday arrangements as published each year by the State Council, transcribed notice by
/// notice into <c>Calendar/china-working-days.json</c> (embedded). Periods mirror the notice's paragraphs so a
/// reviewer can check them line by line against the source.</summary>
public sealed record WorkingCalendarData(IReadOnlyList<CalendarYear> Years)
{
    public const string ResourceName = "EcoEnforce.Disclosure.Calendar.china-working-days.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WorkingCalendarData LoadEmbedded()
    {
        using var stream = typeof(WorkingCalendarData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        return JsonSerializer.Deserialize<WorkingCalendarData>(stream, Json)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
    }

    /// <summary>Everything wrong with the data, empty when it can be trusted. Checked on load because a typo here
    /// silently moves every disclosure deadline.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var group in Years.GroupBy(y => y.Year).Where(g => g.Count() > 1))
            problems.Add($"{group.Key} appears {group.Count()} times.");
        foreach (var year in Years)
        {
            if (string.IsNullOrWhiteSpace(year.Notice))
                problems.Add($"{year.Year} cites no notice.");
            var holidays = year.Holidays().ToList();
            var workdays = year.Periods.SelectMany(p => p.Workdays).ToList();
            foreach (var p in year.Periods.Where(p => p.To < p.From))
                problems.Add($"{year.Year} {p.Name}: ends {p.To} before it starts {p.From}.");
            foreach (var d in holidays.Concat(workdays).Where(d => d.Year != year.Year))
                problems.Add($"{year.Year}: {d} is in another year.");
            foreach (var d in holidays.Intersect(workdays))
                problems.Add($"{year.Year}: {d} is both a holiday and a working day.");
            foreach (var d in holidays.GroupBy(d => d).Where(g => g.Count() > 1))
                problems.Add($"{year.Year}: holiday {d.Key} is listed twice.");
            foreach (var d in workdays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
                problems.Add($"{year.Year}: make-up working day {d} is a {d.DayOfWeek}, not a weekend day.");
        }
        return problems;
    }
}

/// <param name="Note">Where the data deliberately departs from the notice's wording, and why.</param>
public sealed record CalendarYear(int Year, string Notice, IReadOnlyList<HolidayPeriod> Periods, string? Note = null)
{
    public IEnumerable<DateOnly> Holidays() =>
        Periods.SelectMany(p => Enumerable.Range(0, Math.Max(0, p.To.DayNumber - p.From.DayNumber + 1)).Select(p.From.AddDays));
}

/// <summary>One paragraph of a notice: the days off (放假) and the weekend days worked to make up (调休上班).</summary>
public sealed record HolidayPeriod(string Name, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> Workdays);
