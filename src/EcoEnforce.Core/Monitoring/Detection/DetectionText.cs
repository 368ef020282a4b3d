using System.Globalization;

namespace EcoEnforce.Monitoring.Detection;

/// <summary>Shared formatting and plant-state helpers for the detectors, so every explanation reads the same way.</summary>
internal static class DetectionText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", Inv);

    /// <summary>"2022-08-03 01:00 至 09:00" when on the same day, else both dates in full.</summary>
    public static string Span(DateTime from, DateTime to) =>
        from.Date == to.Date ? $"{Time(from)} 至 {to.ToString("HH:mm", Inv)}" : $"{Time(from)} 至 {Time(to)}";

    public static string Num(double v) => v.ToString("0.00", Inv);

    public static string Pct(double share) => (share * 100).ToString("0", Inv) + "%";

    /// <summary>"9 个小时", "45 分钟", "3 天": counts samples in the unit of the interval when it is a whole unit.</summary>
    public static string Samples(int count, TimeSpan interval) =>
        interval == TimeSpan.FromHours(1) ? $"{count} 个小时"
        : interval == TimeSpan.FromMinutes(1) ? $"{count} 分钟"
        : interval == TimeSpan.FromDays(1) ? $"{count} 天"
        : $"{count} 个值（共 {Duration(interval * count)}）";

    public static string Duration(TimeSpan d) =>
        d.TotalDays >= 2 ? (d.TotalDays).ToString("0.#", Inv) + " 天"
        : d.TotalHours >= 1 ? (d.TotalHours).ToString("0.#", Inv) + " 小时"
        : (d.TotalMinutes).ToString("0", Inv) + " 分钟";

    public static bool IsFlag(string? flag, char letter) => flag is { Length: 1 } f && f[0] == letter;

    public static Detection Make(string signature, Series s, int first, int last, double score, string explanation) =>
        new(signature, s.Name, first, last, s.TimeOf(first), s.TimeOf(last), Math.Clamp(score, 0, 1), explanation);
}
