namespace EcoEnforce.Common;

/// <summary>Times are stored as UTC and shown in China Standard Time. China has had no daylight saving
/// since 1991, so a fixed +08:00 offset is exact and needs no tz database.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChina(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset), DateTimeKind.Unspecified);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToChina(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instant at which a China calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Offset;

    public static string Format(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
