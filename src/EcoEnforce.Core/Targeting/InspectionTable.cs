using System.Globalization;

namespace EcoEnforce.Targeting;

/// <summary>A CSV of past inspections, one row each: a date column, a 0/1 outcome column and feature columns. Columns
/// whose every value is a number are numeric; the others are categories (an inspector, a township), turned into one
/// indicator per value seen in the training rows.</summary>
public sealed class InspectionTable
{
    public sealed class FormatError(int line, string message) : Exception($"第 {line} 行：{message}")
    {
        public int Line { get; } = line;
    }

    private InspectionTable(IReadOnlyList<string> columns, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> outcomes, IReadOnlyList<string[]> features)
    {
        Columns = columns;
        Dates = dates;
        Outcomes = outcomes;
        Features = features;
    }

    /// <summary>The feature columns' names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<DateOnly> Dates { get; }
    public IReadOnlyList<double> Outcomes { get; }
    /// <summary>Per row, the feature cells as text, in <see cref="Columns"/> order.</summary>
    public IReadOnlyList<string[]> Features { get; }
    public int Count => Dates.Count;

    /// <summary>A table built in memory (the bureau's own history) rather than read from a file.</summary>
    internal static InspectionTable FromRows(IReadOnlyList<string> columns, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> outcomes, IReadOnlyList<string[]> features) =>
        new(columns, dates, outcomes, features);

    public static InspectionTable Read(TextReader reader, string dateColumn, string outcomeColumn, IReadOnlyCollection<string> exclude)
    {
        var header = (reader.ReadLine() ?? throw new FormatError(1, "文件为空，缺少表头")).TrimStart('\uFEFF');
        var names = Monitoring.Detection.SeriesCsv.Split(header).Select(n => n.Trim()).ToArray();
        int Find(string name) => Array.IndexOf(names, name) is var i and >= 0 ? i : throw new FormatError(1, $"找不到列“{name}”（表头：{string.Join("、", names)}）");
        var date = Find(dateColumn);
        var outcome = Find(outcomeColumn);
        foreach (var name in exclude) Find(name);
        var kept = Enumerable.Range(0, names.Length).Where(c => c != date && c != outcome && !exclude.Contains(names[c])).ToArray();

        var (dates, outcomes, features) = (new List<DateOnly>(), new List<double>(), new List<string[]>());
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var cells = Monitoring.Detection.SeriesCsv.Split(text);
            if (cells.Count != names.Length) throw new FormatError(line, $"有 {cells.Count} 列，表头有 {names.Length} 列");
            if (!DateOnly.TryParse(cells[date].Trim().Split('T', ' ')[0], CultureInfo.InvariantCulture, out var day))
                throw new FormatError(line, $"日期“{cells[date]}”无法识别");
            var result = cells[outcome].Trim() switch
            {
                "1" or "1.0" or "TRUE" or "true" => 1.0,
                "0" or "0.0" or "FALSE" or "false" => 0.0,
                var other => throw new FormatError(line, $"结果列“{outcomeColumn}”应为 0 或 1，实际为“{other}”"),
            };
            dates.Add(day);
            outcomes.Add(result);
            features.Add([.. kept.Select(c => cells[c].Trim())]);
        }
        return new InspectionTable([.. kept.Select(c => names[c])], dates, outcomes, features);
    }
}

/// <summary>How the table's columns become model inputs, learned from the training rows only: numeric columns as they
/// are, each category value seen in training as a 0/1 indicator (a value first seen later is all zeros, as an unknown
/// inspector would be). An unpenalised category drops its most frequent value, which the intercept carries.</summary>
public sealed class FeatureEncoding
{
    private sealed record Column(int Source, string Name, string? Level);

    private readonly List<Column> _columns;

    private FeatureEncoding(List<Column> columns, double[] penalty)
    {
        _columns = columns;
        Penalty = penalty;
    }

    public IReadOnlyList<string> Names => [.. _columns.Select(c => c.Level is null ? c.Name : $"{c.Name}={c.Level}")];
    /// <summary>Per model input, its source column and, for an indicator, the category value.</summary>
    public IReadOnlyList<(string Column, string? Level)> Sources => [.. _columns.Select(c => (c.Name, c.Level))];
    public double[] Penalty { get; }
    public int Width => _columns.Count;

    /// <param name="penalised">Source columns whose coefficients are shrunk; null = all of them.</param>
    public static FeatureEncoding Learn(InspectionTable table, IReadOnlyList<int> trainRows, IReadOnlyCollection<string>? penalised)
    {
        var columns = new List<Column>();
        var penalty = new List<double>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var name = table.Columns[c];
            var shrink = penalised is null || penalised.Contains(name) ? 1.0 : 0.0;
            if (table.Features.All(row => double.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                columns.Add(new Column(c, name, null));
                penalty.Add(shrink);
                continue;
            }
            var levels = trainRows.GroupBy(i => table.Features[i][c]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).Skip(shrink > 0 ? 0 : 1);
            foreach (var level in levels)
            {
                columns.Add(new Column(c, name, level));
                penalty.Add(shrink);
            }
        }
        return new FeatureEncoding(columns, [.. penalty]);
    }

    /// <summary>The rows as a row-major matrix of <see cref="Width"/> columns.</summary>
    public double[] Encode(InspectionTable table, IReadOnlyList<int> rows)
    {
        var x = new double[rows.Count * Width];
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = table.Features[rows[r]];
            for (var j = 0; j < Width; j++)
            {
                var column = _columns[j];
                x[r * Width + j] = column.Level is null
                    ? double.Parse(cells[column.Source], NumberStyles.Float, CultureInfo.InvariantCulture)
                    : cells[column.Source] == column.Level ? 1 : 0;
            }
        }
        return x;
    }
}
