using System.CommandLine;
using System.Globalization;
using EcoEnforce.Monitoring.Leads;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce monitoring scan --from 2022-01-01 --to 2023-01-01 [--point ID]</c>: runs every detector over the
/// stored minute and hour data of a period, outlet by outlet, printing progress; leads already found are not added again.</summary>
internal static class MonitoringScanCommand
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var from = new Option<string>("--from") { Description = "起始日期（北京时间，含），如 2022-01-01", Required = true };
        var to = new Option<string>("--to") { Description = "截止日期（北京时间，不含），如 2023-01-01", Required = true };
        var point = new Option<int?>("--point") { Description = "只扫描该监测排口（编号）" };
        var command = new Command("scan", "对已入库的分钟和小时数据运行全部检测规则，生成数据线索（可重复运行，不会重复生成）") { from, to, point };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryDay(parse.GetValue(from), out var fromDay) || !TryDay(parse.GetValue(to), out var toDay) || toDay <= fromDay)
            {
                Console.Error.WriteLine("日期格式应为 年-月-日，且截止日期晚于起始日期");
                return 2;
            }
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var scanner = scope.ServiceProvider.GetRequiredService<LeadScanner>();
            var progress = new Progress<LeadScanner.Progress>(p => Console.WriteLine($"[{p.Done}/{p.Total}] {p.Point}：新线索 {p.NewLeads} 条"));
            var added = await scanner.ScanAsync(Common.ChinaTime.StartOfDayUtc(fromDay), Common.ChinaTime.StartOfDayUtc(toDay), parse.GetValue(point), progress, ct);
            Console.WriteLine($"完成：新线索 {added} 条");
            return 0;
        });
        return command;
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
