using System.Globalization;

namespace EcoEnforce.Monitoring.Detection;

/// <summary>How to read a readings CSV: the start and interval when it has no timestamp column, which column is the load,
/// and the emission limits by column.</summary>
public sealed record SeriesCsvOptions
{
    public DateTime? Start { get; init; }
    /// <summary>Sample interval; with a timestamp column it is checked against the timestamps, otherwise it defaults to an hour.</summary>
    public TimeSpan? Interval { get; init; }
    public string? LoadColumn { get; init; }
    public IReadOnlyDictionary<string, double> Limits { get; init; } = new Dictionary<string, double>();
}

/// <summary>A CSV file that cannot be read, with the 1-based line of the file where it went wrong (1 = the header).</summary>
public sealed class SeriesCsvException(int line, string message) : Exception($"第 {line} 行：{message}")
{
    public int Line { get; } = line;
}

/// <summary>Reads a CSV of readings into a <see cref="SeriesSet"/>: a header row, one column per quantity, an optional
/// timestamp column (time, timestamp, datetime, DataTime or 时间; ISO-8601 or <c>yyyy-MM-dd HH:mm[:ss]</c>) whose
/// timestamps must be regular; empty cells are missing samples. Roles come from names: O2/O₂ → oxygen; Q, FLOW, 流量 →
/// flow; names ending in _ZS or 折算 → corrected concentration; the option's load column → load; others → concentration.</summary>
public static class SeriesCsv
{
    private static readonly string[] TimeNames = ["time", "timestamp", "datetime", "datatime", "时间"];
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK", "yyyy-MM-dd",
    ];

    public static SeriesSet Read(TextReader reader, SeriesCsvOptions options)
    {
        var header = reader.ReadLine() ?? throw new SeriesCsvException(1, "文件为空，缺少表头");
        var names = Split(header).Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var timeColumn = Array.FindIndex(names, n => TimeNames.Contains(n.ToLowerInvariant()));
        for (var c = 0; c < names.Length; c++)
        {
            if (names[c].Length == 0) throw new SeriesCsvException(1, $"第 {c + 1} 列没有列名");
            if (Array.IndexOf(names, names[c]) != c) throw new SeriesCsvException(1, $"列名“{names[c]}”重复");
        }
        if (options.LoadColumn is { } loadName && (Array.IndexOf(names, loadName) < 0 || Array.IndexOf(names, loadName) == timeColumn))
            throw new SeriesCsvException(1, $"找不到负荷列“{loadName}”（表头：{string.Join("、", names)}）");
        foreach (var limit in options.Limits.Keys)
            if (Array.IndexOf(names, limit) < 0) throw new SeriesCsvException(1, $"找不到设置限值的列“{limit}”");
        if (timeColumn < 0 && options.Start is null) throw new SeriesCsvException(1, "没有时间列（time、timestamp、datetime、DataTime、时间），请指定起始时间和间隔");

        var columns = new List<double>[names.Length];
        for (var c = 0; c < names.Length; c++) columns[c] = [];
        DateTime? start = timeColumn < 0 ? options.Start : null;
        var interval = timeColumn < 0 ? options.Interval ?? TimeSpan.FromHours(1) : options.Interval;
        var lineNumber = 1;
        var rows = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var cells = Split(line);
            if (cells.Count != names.Length)
                throw new SeriesCsvException(lineNumber, $"有 {cells.Count} 个字段，表头有 {names.Length} 列");
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = cells[c].Trim();
                if (c == timeColumn)
                {
                    var time = ParseTime(cell, lineNumber);
                    if (start is null) { start = time; continue; }
                    if (interval is null)
                    {
                        interval = time - start.Value;
                        if (interval <= TimeSpan.Zero) throw new SeriesCsvException(lineNumber, $"时间 {cell} 不晚于上一行，时间须按先后排列");
                    }
                    // Huge intervals (year 1, then year 9999) would overflow DateTime before they fail the comparison.
                    if (start.Value.Ticks + (double)interval.Value.Ticks * rows > DateTime.MaxValue.Ticks)
                        throw new SeriesCsvException(lineNumber, $"时间 {cell} 不规则：按起始时间 {Format(start.Value)} 和间隔 {interval} 已超出可表示的时间范围");
                    var expected = start.Value + interval.Value * rows;
                    if (time != expected)
                    {
                        throw new SeriesCsvException(lineNumber, $"时间 {cell} 不规则：按起始时间 {Format(start.Value)} 和间隔 {interval} 应为 {Format(expected)}"
                            + "（缺少的时刻请保留一行并留空数值，重复或乱序的行请删除）");
                    }
                    continue;
                }
                if (cell.Length == 0) { columns[c].Add(double.NaN); continue; }
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                    throw new SeriesCsvException(lineNumber, $"“{names[c]}”列的值“{cell}”不是数字");
                columns[c].Add(value);
            }
            rows++;
        }
        if (rows == 0) throw new SeriesCsvException(lineNumber, "没有数据行");
        var series = new List<Series>();
        for (var c = 0; c < names.Length; c++)
        {
            if (c == timeColumn) continue;
            series.Add(new Series(names[c], start!.Value, interval ?? TimeSpan.FromHours(1), [.. columns[c]])
            {
                Role = RoleOf(names[c], options.LoadColumn),
                Limit = options.Limits.TryGetValue(names[c], out var limit) ? limit : null,
            });
        }
        return new SeriesSet(series);
    }

    public static SeriesRole RoleOf(string name, string? loadColumn)
    {
        if (name == loadColumn) return SeriesRole.Load;
        var upper = name.ToUpperInvariant();
        if (upper is "O2" or "O₂") return SeriesRole.Oxygen;
        if (upper is "Q" or "FLOW" or "流量") return SeriesRole.Flow;
        if (upper.EndsWith("_ZS", StringComparison.Ordinal) || name.EndsWith("折算", StringComparison.Ordinal)) return SeriesRole.CorrectedConcentration;
        return SeriesRole.Concentration;
    }

    private static DateTime ParseTime(string cell, int line)
    {
        if (DateTime.TryParseExact(cell, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var time))
            return time;
        throw new SeriesCsvException(line, $"时间“{cell}”无法识别（应为 ISO-8601 或 yyyy-MM-dd HH:mm[:ss]）");
    }

    private static string Format(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Comma-separated cells; a cell may be quoted ("…", with "" for a quote) so a name can contain a comma.</summary>
    internal static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
