using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce monitoring detect --csv FILE</c>: runs the detectors of suspicious monitoring data over a CSV
/// of readings and writes one JSON object per detection. Needs no database, so the service provider is never built.</summary>
internal static class MonitoringCommands
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(Func<Microsoft.Extensions.DependencyInjection.ServiceProvider> services)
    {
        var monitoring = new Command("monitoring", "自动监控数据工具");
        monitoring.Subcommands.Add(Detect());
        monitoring.Subcommands.Add(MonitoringScanCommand.Create(services));
        monitoring.Subcommands.Add(MonitoringCompactCommand.Create(services));
        monitoring.Subcommands.Add(MonitoringCompareImportCommand.Create(services));
        return monitoring;
    }

    private static Command Detect()
    {
        var csv = new Option<FileInfo>("--csv") { Description = "读数 CSV：表头一行，每列一个监测项，可含时间列（time/timestamp/datetime/DataTime/时间）", Required = true };
        var start = new Option<string?>("--start") { Description = "无时间列时第一行的时间，如 2015-01-01T00:00" };
        var interval = new Option<string?>("--interval") { Description = "采样间隔，如 1h、15m、30s、1d（无时间列时默认 1h）" };
        var limits = new Option<string[]>("--limit") { Description = "排放限值，列名=数值，可重复", AllowMultipleArgumentsPerToken = true };
        var load = new Option<string?>("--load") { Description = "负荷（生产）列名" };
        var columns = new Option<string[]>("--columns") { Description = "只分析这些列（可重复或用逗号分隔；负荷列会自动保留），如 CO,NOX", AllowMultipleArgumentsPerToken = true };
        var signatures = new Option<string[]>("--signature") { Description = "只运行这些识别规则（可重复）：" + string.Join("、", Detectors.All.Select(d => d.Signature)), AllowMultipleArgumentsPerToken = true };
        var command = new Command("detect", "识别可疑的自动监控数据，每条线索输出一行 JSON（非现场执法）") { csv, start, interval, limits, load, columns, signatures };
        command.SetAction(async (parse, ct) =>
        {
            var options = new SeriesCsvOptions { LoadColumn = parse.GetValue(load) };
            if (parse.GetValue(start) is { } startText)
            {
                if (!DateTime.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var s))
                    return Fail($"--start “{startText}”不是时间，应为 ISO-8601，如 2015-01-01T00:00");
                options = options with { Start = s };
            }
            if (parse.GetValue(interval) is { } intervalText)
            {
                if (ParseInterval(intervalText) is not { } i) return Fail($"--interval “{intervalText}”无法识别，应为 1h、15m、30s、1d 之类");
                options = options with { Interval = i };
            }
            var limitMap = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var item in parse.GetValue(limits) ?? [])
            {
                var eq = item.LastIndexOf('=');
                if (eq <= 0 || !double.TryParse(item[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    return Fail($"--limit “{item}”应为 列名=数值，如 NOX=50");
                limitMap[item[..eq].Trim()] = value;
            }
            options = options with { Limits = limitMap };
            var chosen = Detectors.All.ToList();
            if (parse.GetValue(signatures) is { Length: > 0 } wanted)
            {
                var unknown = wanted.Where(w => Detectors.All.All(d => d.Signature != w)).ToList();
                if (unknown.Count > 0) return Fail($"未知的识别规则：{string.Join("、", unknown)}（可用：{string.Join("、", Detectors.All.Select(d => d.Signature))}）");
                chosen = [.. Detectors.All.Where(d => wanted.Contains(d.Signature))];
            }
            var file = parse.GetValue(csv)!;
            if (!file.Exists) return Fail($"文件不存在：{file.FullName}");
            SeriesSet set;
            try
            {
                using var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                set = SeriesCsv.Read(reader, options);
            }
            catch (SeriesCsvException e)
            {
                return Fail($"{file.Name} {e.Message}");
            }
            if (parse.GetValue(columns) is { Length: > 0 } keep)
            {
                var names = keep.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
                var unknownColumns = names.Where(n => set.All.All(s => s.Name != n)).ToList();
                if (unknownColumns.Count > 0) return Fail($"找不到列：{string.Join("、", unknownColumns)}（表头：{string.Join("、", set.All.Select(s => s.Name))}）");
                set = new SeriesSet([.. set.All.Where(s => names.Contains(s.Name) || s.Role == SeriesRole.Load)]);
            }
            var detections = Detectors.Run(set, chosen);
            foreach (var d in detections)
            {
                var line = JsonSerializer.Serialize(new
                {
                    signature = d.Signature,
                    title = chosen.First(c => c.Signature == d.Signature).Title,
                    column = d.Column,
                    first_row = d.FirstIndex + 1,
                    last_row = d.LastIndex + 1,
                    from = d.From.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    to = d.To.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    score = Math.Round(d.Score, 3),
                    explanation = d.Explanation,
                }, Json);
                await Console.Out.WriteLineAsync(line.AsMemory(), ct);
            }
            Console.Error.WriteLine($"{set.All.Count} 列 × {set.All[0].Count} 行，{detections.Count} 条线索");
            return 0;
        });
        return command;
    }

    /// <summary>1h, 15m, 30s, 1d, or a TimeSpan such as 01:00:00.</summary>
    internal static TimeSpan? ParseInterval(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            TimeSpan? span = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
            if (span is not null) return span;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero ? t : null;
    }

    public static bool Owns(ParseResult parsed) => parsed.CommandResult.Command.Name == "detect"
        && parsed.CommandResult.Parent is CommandResult { Command.Name: "monitoring" };

    public static int ReportErrors(ParseResult parsed)
    {
        foreach (var error in parsed.Errors) Console.Error.WriteLine(error.Message);
        return 2;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
