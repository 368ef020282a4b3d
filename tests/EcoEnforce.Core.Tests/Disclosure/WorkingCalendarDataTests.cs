using EcoEnforce.Disclosure;

namespace EcoEnforce.Core.Tests.Disclosure;

public sealed class WorkingCalendarDataTests
{
    private static readonly WorkingCalendarData Data = WorkingCalendarData.LoadEmbedded();

    [Fact]
    public void The_embedded_json_has_no_problems() => Assert.Empty(Data.Problems());

    [Fact]
    public void Every_year_cites_its_state_council_notice() =>
        Assert.All(Data.Years, y => Assert.Matches(@"^国务院办公厅关于\d{4}年部分节假日安排的通知（国办发明电〔\d{4}〕\d+号）$", y.Notice));

    [Fact]
    public void Every_holiday_date_is_in_its_own_year() =>
        Assert.All(Data.Years, y => Assert.All(y.Holidays(), d => Assert.Equal(y.Year, d.Year)));

    [Fact]
    public void No_date_is_both_a_holiday_and_a_make_up_working_day() =>
        Assert.All(Data.Years, y => Assert.Empty(y.Holidays().Intersect(y.Periods.SelectMany(p => p.Workdays))));

    [Fact]
    public void Every_make_up_working_day_is_a_saturday_or_sunday() =>
        Assert.All(Data.Years.SelectMany(y => y.Periods).SelectMany(p => p.Workdays),
            d => Assert.Contains(d.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));

    [Fact]
    public void The_2022_notice_is_transcribed_exactly()
    {
        var year = Data.Years.Single(y => y.Year == 2022);
        Assert.Contains("国办发明电〔2021〕11号", year.Notice, StringComparison.Ordinal);
        Assert.Equal(3 + 7 + 3 + 5 + 3 + 3 + 7, year.Holidays().Count());
        Assert.Equal(
            new[] { "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09" },
            year.Periods.SelectMany(p => p.Workdays).Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Inconsistent_data_is_rejected_when_the_calendar_is_built()
    {
        var saturday = new DateOnly(2030, 10, 5);
        var data = new WorkingCalendarData(
            [new CalendarYear(2030, "test", [new HolidayPeriod("国庆节", new(2030, 10, 1), new(2030, 10, 7), [saturday, new(2030, 10, 9)])])]);
        var problems = data.Problems();
        Assert.Contains(problems, p => p.Contains("both a holiday and a working day", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not a weekend day", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(data));
    }
}
