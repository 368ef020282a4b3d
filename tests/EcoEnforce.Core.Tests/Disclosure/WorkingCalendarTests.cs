using EcoEnforce.Disclosure;

namespace EcoEnforce.Core.Tests.Disclosure;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.China;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Twenty_working_days_after_an_inspection_before_national_day_count_the_October_make_up_weekend()
    {
        // 9/29, 9/30, then 10/1–10/7 off, 10/8 (Sat) and 10/9 (Sun) worked: the 20th working day is 10/31.
        Assert.Equal(D(2022, 10, 31), DisclosureDeadlines.InspectionResult(D(2022, 9, 28), China));
        Assert.True(China.IsWorkingDay(D(2022, 10, 8)));
        Assert.True(China.IsWorkingDay(D(2022, 10, 9)));
        Assert.False(China.IsWorkingDay(D(2022, 10, 3)));
    }

    [Fact]
    public void Spring_festival_skips_the_holiday_and_counts_the_January_make_up_weekend()
    {
        // 1/27, 1/28, 1/29 (Sat), 1/30 (Sun), then 1/31–2/6 off, 2/7, 2/8, 2/9.
        Assert.Equal(D(2022, 2, 9), China.AddWorkingDays(D(2022, 1, 26), 7));
        Assert.True(China.IsWorkingDay(D(2022, 1, 29)));
        Assert.True(China.IsWorkingDay(D(2022, 1, 30)));
        Assert.False(China.IsWorkingDay(D(2022, 2, 4)));
    }

    [Fact]
    public void A_penalty_decision_before_labour_day_is_due_seven_working_days_later_counting_the_May_7_saturday()
    {
        // 4/29, then 4/30–5/4 off, 5/5, 5/6, 5/7 (Sat), 5/9, 5/10, 5/11.
        Assert.Equal(D(2022, 5, 11), DisclosureDeadlines.PenaltyDecision(D(2022, 4, 28), China));
        Assert.Equal(7, China.WorkingDaysBetween(D(2022, 4, 28), D(2022, 5, 11)));
    }

    [Fact]
    public void Ordinary_weekends_are_not_working_days()
    {
        Assert.False(China.IsWorkingDay(D(2022, 3, 5)));
        Assert.False(China.IsWorkingDay(D(2022, 3, 6)));
        Assert.Equal(D(2022, 3, 7), China.AddWorkingDays(D(2022, 3, 4), 1));
        Assert.Equal(D(2022, 3, 11), China.AddWorkingDays(D(2022, 3, 4), 5));
    }

    [Fact]
    public void The_start_day_is_not_counted_and_zero_days_is_the_start()
    {
        Assert.Equal(D(2022, 3, 2), China.AddWorkingDays(D(2022, 3, 1), 1));
        Assert.Equal(D(2022, 10, 3), China.AddWorkingDays(D(2022, 10, 3), 0));
        Assert.Equal(0, China.WorkingDaysBetween(D(2022, 3, 1), D(2022, 3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(D(2022, 3, 1), -1));
    }

    [Fact]
    public void Working_days_between_is_negative_when_the_dates_are_reversed() =>
        Assert.Equal(-7, China.WorkingDaysBetween(D(2022, 5, 11), D(2022, 4, 28)));

    [Fact]
    public void The_2023_and_2026_arrangements_are_shipped()
    {
        Assert.True(China.IsWorkingDay(D(2023, 1, 28)));
        Assert.False(China.IsWorkingDay(D(2023, 10, 6)));
        Assert.True(China.IsWorkingDay(D(2023, 10, 7)));
        Assert.True(China.IsWorkingDay(D(2026, 1, 4)));
        Assert.True(China.IsWorkingDay(D(2026, 9, 20)));
        Assert.False(China.IsWorkingDay(D(2026, 2, 23)));
        Assert.Equal([2022, 2023, 2026], China.CoveredYears.Order());
    }

    [Fact]
    public void A_year_without_data_falls_back_to_Monday_to_Friday_and_says_so()
    {
        Assert.False(China.Covers(2030));
        Assert.True(China.Covers(2022));
        // 2030-10-01 is a Tuesday: surely a holiday in reality, a working day by the fallback, hence the warning.
        Assert.True(China.IsWorkingDay(D(2030, 10, 1)));
        Assert.False(China.IsWorkingDay(D(2030, 10, 5)));
        Assert.Equal(D(2030, 10, 8), China.AddWorkingDays(D(2030, 9, 30), 6));
        Assert.False(China.Covers(D(2022, 12, 20), D(2024, 1, 10)));
        Assert.True(China.Covers(D(2022, 12, 20), D(2023, 1, 10)));
    }

    [Fact]
    public void A_calendar_built_from_test_data_uses_that_data()
    {
        var data = new WorkingCalendarData(
            [new CalendarYear(2030, "test", [new HolidayPeriod("国庆节", D(2030, 10, 1), D(2030, 10, 7), [D(2030, 10, 12)])])]);
        var calendar = new WorkingCalendar(data);
        Assert.True(calendar.Covers(2030));
        Assert.False(calendar.IsWorkingDay(D(2030, 10, 1)));
        Assert.True(calendar.IsWorkingDay(D(2030, 10, 12)));
        Assert.Equal(D(2030, 10, 8), calendar.AddWorkingDays(D(2030, 9, 30), 1));
    }

    [Fact]
    public void Adding_then_counting_working_days_round_trips_and_lands_on_a_working_day()
    {
        var random = new Random(20221001);
        for (var i = 0; i < 500; i++)
        {
            var start = D(2022, 1, 1).AddDays(random.Next(0, 5 * 365));
            var n = random.Next(1, 40);
            var due = China.AddWorkingDays(start, n);
            Assert.Equal(n, China.WorkingDaysBetween(start, due));
            Assert.True(China.IsWorkingDay(due), $"{start} + {n} = {due}");
        }
    }
}
