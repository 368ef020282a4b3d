using System.CommandLine;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Comparison;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce monitoring compare-import --point 12 --source platform --kind hour FILE</c>: stores a monitoring
/// platform export (or analyzer readings taken on site) for the three-way comparison with the instrument's packets.
/// All rows or none; errors name the row.</summary>
internal static class MonitoringCompareImportCommand
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var point = new Option<int>("--point") { Description = "监测排口编号", Required = true };
        var source = new Option<string>("--source") { Description = "数据来源：platform（监控平台导出）或 analyzer（现场分析仪）", Required = true };
        var kind = new Option<string>("--kind") { Description = "hour（小时数据，默认）或 minute（分钟数据）", DefaultValueFactory = _ => "hour" };
        var file = new Argument<FileInfo>("FILE") { Description = ".xlsx 或 .csv：一列时间（北京时间），每个监测项一列（HJ 212 编码或标准名称）" };
        var command = new Command("compare-import", "导入平台导出数据或现场分析仪读数，用于三方比对") { point, source, kind, file };
        command.SetAction(async (parse, ct) =>
        {
            ComparisonSource? from = parse.GetValue(source) switch { "platform" => ComparisonSource.Platform, "analyzer" => ComparisonSource.Analyzer, _ => null };
            ReadingKind? resolution = parse.GetValue(kind) switch { "hour" => ReadingKind.Hour, "minute" => ReadingKind.Minute, _ => null };
            if (from is null || resolution is null)
            {
                Console.Error.WriteLine("--source 应为 platform 或 analyzer，--kind 应为 hour 或 minute");
                return 2;
            }
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"找不到文件：{path.FullName}");
                return 2;
            }
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            await using var stream = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<ImportComparison>()
                .ImportAsync(parse.GetValue(point), from.Value, resolution.Value, path.Name, stream, ct);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) Console.Error.WriteLine(error.Message);
                Console.Error.WriteLine("未导入任何数据");
                return 1;
            }
            Console.WriteLine($"已导入 {result.Value} 个数值");
            return 0;
        });
        return command;
    }
}
