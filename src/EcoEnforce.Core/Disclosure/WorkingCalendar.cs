namespace EcoEnforce.Disclosure;

/// <summary>Working days (工作日) for disclosure deadlines. Years without transcribed data fall back to
/// Monday–Friday; callers check <see cref="Covers(int)"/> so the UI can say the deadline is approximate.</summary>
public sealed class WorkingCalendar
{
    private static readonly Lazy<WorkingCalendar> Embedded = new(() => new WorkingCalendar(WorkingCalendarData.LoadEmbedded()));

    private readonly HashSet<int> _years;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;

    /// <summary>The State Council calendar shipped with the application.</summary>
    public static WorkingCalendar China => Embedded.Value;

    public WorkingCalendar(WorkingCalendarData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = data.Problems();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid working-day data: " + string.Join(" ", problems), nameof(data));
        _years = [.. data.Years.Select(y => y.Year)];
        _holidays = [.. data.Years.SelectMany(y => y.Holidays())];
        _workdays = [.. data.Years.SelectMany(y => y.Periods).SelectMany(p => p.Workdays)];
    }

    public IReadOnlyCollection<int> CoveredYears => _years;

    /// <summary>Whether the year's holidays are known; otherwise its working days are just Monday–Friday.</summary>
    public bool Covers(int year) => _years.Contains(year);

    /// <summary>Whether every year from <paramref name="from"/> to <paramref name="to"/> is covered, i.e. a
    /// deadline computed over that span needs no "按周一至周五计算" warning.</summary>
    public bool Covers(DateOnly from, DateOnly to)
    {
        var (first, last) = from <= to ? (from.Year, to.Year) : (to.Year, from.Year);
        for (var year = first; year <= last; year++)
        {
            if (!Covers(year))
                return false;
        }
        return true;
    }

    public bool IsWorkingDay(DateOnly day)
    {
        if (_workdays.Contains(day))
            return true;
        if (_holidays.Contains(day))
            return false;
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The n-th working day after <paramref name="start"/> (the start itself never counts, as in
    /// “自作出决定之日起7个工作日内”); n = 0 returns the start.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = start;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                n--;
        }
        return day;
    }

    /// <summary>Working days in (from, to]: the inverse of <see cref="AddWorkingDays"/>, so
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>. Negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }
        return count;
    }
}
