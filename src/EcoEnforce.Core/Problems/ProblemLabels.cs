using EcoEnforce.Common;

namespace EcoEnforce.Problems;

/// <summary>How a problem's coded values read on the form: "其他" carries its explanation.</summary>
public static class ProblemLabels
{
    public static string Category(Problem p) => Category(p.Category, p.CategoryOther);

    public static string Category(ProblemCategory category, string? other) =>
        category == ProblemCategory.Other && !string.IsNullOrWhiteSpace(other)
            ? $"其他（{other}）"
            : Labels.ProblemCategories[category];

    public static string Source(Inspections.TaskSource source, string? other) =>
        source == Inspections.TaskSource.Other && !string.IsNullOrWhiteSpace(other)
            ? $"其他（{other}）"
            : Labels.TaskSources[source];
}
