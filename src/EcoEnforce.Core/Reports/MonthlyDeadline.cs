using EcoEnforce.Common;

namespace EcoEnforce.Reports;

/// <summary>“每月25日前反馈现场检查工作情况报表”: the report of month M is due by the end of day 25 of M, China Standard
/// Time, so one submitted at 23:59 on the 25th is on time and one at 00:00 on the 26th is late.</summary>
public readonly record struct MonthlyDeadline(int Year, int Month, int Day)
{
    public const int DefaultDay = 25;
    /// <summary>Reminders start this many days before the deadline.</summary>
    public const int ReminderDays = 5;

    public DateOnly DueDate => new(Year, Month, Math.Min(Day, DateTime.DaysInMonth(Year, Month)));

    /// <summary>The first instant that is late.</summary>
    public DateTime LateFromUtc => ChinaTime.StartOfDayUtc(DueDate.AddDays(1));

    public bool IsOnTime(DateTime submittedAtUtc) => submittedAtUtc < LateFromUtc;

    public bool IsOverdue(DateTime nowUtc) => nowUtc >= LateFromUtc;

    /// <summary>Whole China days from today to the due date (0 on the day itself, negative once late).</summary>
    public int DaysLeft(DateOnly today) => DueDate.DayNumber - today.DayNumber;

    public bool ShouldRemind(DateOnly today) => DaysLeft(today) is >= 0 and <= ReminderDays;
}
