using System.Globalization;

namespace EcoEnforce.Monitoring.Detection;

/// <summary>Numbers and times as they appear in explanations: four significant digits, minutes.</summary>
internal static class ExplanationText
{
    public static string N(double value) =>
        double.IsNaN(value) ? "缺失" : Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture) is var s && s.Length <= 8
            ? s
            : value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string T(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A strength of 1 at the threshold maps to 0.5, twice the threshold to 0.67, growing towards 1.</summary>
    public static double Score(double strength) => strength <= 0 ? 0 : Math.Clamp(strength / (strength + 1), 0, 1);
}
