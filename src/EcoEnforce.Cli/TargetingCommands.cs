using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EcoEnforce.Targeting;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce targeting backtest --csv FILE --date COLUMN --outcome COLUMN --test-from DATE [--train-before DATE]
/// [--penalised COLUMN ...] [--exclude COLUMN ...] [--entity COLUMN]</c>: trains the risk model on the rows before the test period only,
/// scores the test rows and prints one JSON object with the City of Chicago's evaluation. Needs no database.</summary>
internal static class TargetingCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static Command Create()
    {
        var csv = new Option<FileInfo>("--csv") { Description = "检查记录 CSV：每行一次检查，含日期列、结果列（0/1）和特征列", Required = true };
        var date = new Option<string>("--date") { Description = "日期列名", Required = true };
        var outcome = new Option<string>("--outcome") { Description = "结果列名（1 = 发现问题）", Required = true };
        var testFrom = new Option<string>("--test-from") { Description = "测试期起始日期（含），如 2014-09-02", Required = true };
        var trainBefore = new Option<string?>("--train-before") { Description = "只用此日期之前的记录训练（默认为测试期起始日期）" };
        var penalised = new Option<string[]>("--penalised") { Description = "施加岭惩罚的列（可重复；不指定则全部惩罚）", AllowMultipleArgumentsPerToken = true };
        var entity = new Option<string?>("--entity") { Description = "检查对象列（如许可证号）：以对象此前的检查次数和违法率作为特征" };
        var exclude = new Option<string[]>("--exclude") { Description = "不作为特征的列（可重复），如编号列", AllowMultipleArgumentsPerToken = true };
        var backtest = new Command("backtest", "回测：若按风险排序检查，发现问题能提前多少天") { csv, date, outcome, testFrom, trainBefore, penalised, exclude, entity };
        backtest.SetAction(parse =>
        {
            if (!TryDay(parse.GetValue(testFrom), out var from) || (parse.GetValue(trainBefore) is { } t && !TryDay(t, out _)))
            {
                Console.Error.WriteLine("日期格式应为 年-月-日，如 2014-09-02");
                return 2;
            }
            DateOnly? before = parse.GetValue(trainBefore) is { } text && TryDay(text, out var b) ? b : null;
            var file = parse.GetValue(csv)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"找不到文件：{file.FullName}");
                return 2;
            }
            try
            {
                using var reader = new StreamReader(file.FullName);
                var table = InspectionTable.Read(reader, parse.GetValue(date)!, parse.GetValue(outcome)!, parse.GetValue(exclude) ?? []);
                var chosen = parse.GetValue(penalised) is { Length: > 0 } p ? p.SelectMany(x => x.Split(',')).ToHashSet() : null;
                var result = BacktestRun.Run(table, from, before, chosen, parse.GetValue(entity));
                Console.WriteLine(JsonSerializer.Serialize(result, Json));
                return 0;
            }
            catch (Exception e) when (e is InspectionTable.FormatError or ArgumentException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        var targeting = new Command("targeting", "精准执法：风险模型与回测");
        targeting.Subcommands.Add(backtest);
        return targeting;
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
