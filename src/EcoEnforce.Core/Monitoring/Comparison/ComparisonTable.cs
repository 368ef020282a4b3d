using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EcoEnforce.Common;
using EcoEnforce.Common.Excel;
using EcoEnforce.Hj212;

namespace EcoEnforce.Monitoring.Comparison;

/// <summary>A platform export or an analyzer reading sheet as the platforms write them: a time column (Beijing time) and
/// one column per pollutant, headed by its HJ 212 code or its Chinese name, optionally with the unit in brackets
/// (<c>二氧化硫(mg/m³)</c>). .xlsx, or .csv in UTF-8 or GB18030/GBK.</summary>
public static partial class ComparisonTable
{
    public sealed record Value(int Row, string PollutantCode, DateTime DataTimeUtc, double Amount);

    public sealed record Parsed(IReadOnlyList<Value> Values, IReadOnlyList<string> Errors);

    public const int MaxErrors = 20;
    /// <summary>Two months of minute data; longer exports go in several files.</summary>
    public const int MaxCsvRows = 100_000;
    /// <summary>A time and a few dozen pollutants, with room to spare.</summary>
    public const int MaxColumns = 256;
    private static readonly string[] TimeHeaders = ["时间", "监测时间", "数据时间", "采样时间", "time", "datatime", "datetime"];
    private static readonly string[] TimeFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyyMMddHHmmss"];

    public static Parsed Read(string fileName, Stream content, ReadingKind kind)
    {
        List<(int Row, IReadOnlyList<string> Cells)> rows;
        try
        {
            rows = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? FromXlsx(content)
                : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? FromCsv(content)
                : throw new FormatException("只支持 .xlsx 或 .csv 文件");
        }
        catch (Exception e) when (e is FormatException or XlsxFormatException)
        {
            return new Parsed([], [e.Message]);
        }
        if (rows.Count == 0) return new Parsed([], ["文件为空，缺少表头"]);

        var errors = new List<string>();
        var (headerRow, header) = rows[0];
        var timeColumn = -1;
        var codes = new string?[header.Count];
        for (var c = 0; c < header.Count; c++)
        {
            var name = header[c].Trim().TrimStart('\uFEFF');
            if (name.Length == 0) continue;
            if (TimeHeaders.Contains(name.ToLowerInvariant())) { timeColumn = c; continue; }
            codes[c] = CodeOf(name);
            if (codes[c] is null) errors.Add($"第 {headerRow} 行：无法识别的监测项“{name}”（请用 HJ 212 编码如 a21026，或标准名称如 二氧化硫）");
            else if (Array.IndexOf(codes, codes[c]) < c) errors.Add($"第 {headerRow} 行：监测项“{name}”重复");
        }
        if (timeColumn < 0) errors.Add($"第 {headerRow} 行：缺少时间列（{string.Join("、", TimeHeaders[..4])}）");
        if (!codes.Any(c => c is not null)) errors.Add($"第 {headerRow} 行：没有监测项列");
        if (errors.Count > 0) return new Parsed([], errors);

        var values = new List<Value>();
        var seen = new HashSet<DateTime>();
        foreach (var (row, cells) in rows.Skip(1))
        {
            if (errors.Count >= MaxErrors) break;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var text = timeColumn < cells.Count ? cells[timeColumn].Trim() : "";
            // 0001-01-01 before 08:00 Beijing time has no UTC equivalent: not a time any export holds.
            if (!DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var china)
                || china < DateTime.MinValue + ChinaTime.Offset)
            {
                errors.Add($"第 {row} 行：时间“{text}”无法识别（应为 年-月-日 时:分，北京时间）");
                continue;
            }
            if (!OnGrid(china, kind))
            {
                errors.Add($"第 {row} 行：时间 {china:yyyy-MM-dd HH:mm:ss} 不是整{(kind == ReadingKind.Hour ? "点" : "分")}，与所选的{(kind == ReadingKind.Hour ? "小时" : "分钟")}数据不符");
                continue;
            }
            var utc = DateTime.SpecifyKind(china - ChinaTime.Offset, DateTimeKind.Utc);
            if (!seen.Add(utc))
            {
                errors.Add($"第 {row} 行：时间 {china:yyyy-MM-dd HH:mm} 重复");
                continue;
            }
            for (var c = 0; c < codes.Length; c++)
            {
                if (codes[c] is not { } code || c >= cells.Count || string.IsNullOrWhiteSpace(cells[c])) continue;
                if (double.TryParse(cells[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && double.IsFinite(amount))
                    values.Add(new Value(row, code, utc, amount));
                else
                    errors.Add($"第 {row} 行：{header[c].Trim()}的值“{cells[c].Trim()}”不是数字");
            }
        }
        return errors.Count > 0 ? new Parsed([], errors) : new Parsed(values, []);
    }

    private static bool OnGrid(DateTime time, ReadingKind kind) =>
        time.Second == 0 && time.Millisecond == 0 && (kind != ReadingKind.Hour || time.Minute == 0);

    /// <summary>The 2017 code of a header: a code as sent (2005 codes translated), or a standard Chinese name.</summary>
    internal static string? CodeOf(string header)
    {
        var name = Unit().Replace(header, "").Trim();
        if (name.All(char.IsAscii))
        {
            var code = name.ToLowerInvariant();
            if (PollutantCodes.TryGet2017(code, out var row) || PollutantCodes.TryGet2005(code, out row)) return row.Code2017;
        }
        return PollutantCodes.All.FirstOrDefault(p => p.NameZh == name)?.Code2017;
    }

    [GeneratedRegex(@"[（(].*[)）]$")]
    private static partial Regex Unit();

    private static List<(int, IReadOnlyList<string>)> FromXlsx(Stream content) =>
        [.. XlsxReader.ReadFirstSheet(content).Select(r =>
        {
            var width = r.Cells.Count == 0 ? 0 : r.Cells.Keys.Max() + 1;
            // Rows are made dense below: one cell in column XFD would make each row 16,384 wide (gigabytes for 20,000 rows).
            if (width > MaxColumns)
                throw new FormatException($"第 {r.RowNumber} 行：第 {MaxColumns} 列（{XlsxReader.ColumnName(MaxColumns - 1)} 列）之后还有内容，请删除多余的列");
            return (r.RowNumber, (IReadOnlyList<string>)[.. Enumerable.Range(0, width).Select(c => r.Cells.GetValueOrDefault(c, ""))]);
        })];

    private static List<(int, IReadOnlyList<string>)> FromCsv(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Chinese platforms export GBK; GB18030 is its superset.
            text = CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetString(bytes);
        }
        var lines = text.Split('\n');
        if (lines.Length > MaxCsvRows) throw new FormatException($"一次最多导入 {MaxCsvRows} 行，请分批导入");
        return [.. lines.Select((line, i) => (i + 1, (IReadOnlyList<string>)Detection.SeriesCsv.Split(line.TrimEnd('\r'))))
            .Where(r => r.Item2.Count > 1 || r.Item2[0].Length > 0)];
    }
}
