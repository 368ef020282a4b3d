using System.CommandLine;
using System.Globalization;
using EcoEnforce.Monitoring.Archive;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce monitoring compact [--before 2022-12-01]</c>: packs the minute and hour rows of finished days
/// into day chunks now, instead of waiting for the app's hourly pass (e.g. after importing history).</summary>
internal static class MonitoringCompactCommand
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var before = new Option<string?>("--before") { Description = "压缩该日期（北京时间，不含）之前的数据，默认为前天之前" };
        var command = new Command("compact", "将已结束日期的分钟、小时数据压缩为按日存储的数据块（无损，可重复运行）") { before };
        command.SetAction(async (parse, ct) =>
        {
            DateTime cutoff;
            if (parse.GetValue(before) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    Console.Error.WriteLine("日期格式应为 年-月-日");
                    return 2;
                }
                cutoff = Common.ChinaTime.StartOfDayUtc(day);
            }
            else
            {
                cutoff = DateTime.UtcNow - ReadingCompactor.DefaultDelay;
            }
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReadingCompactor>().CompactAsync(cutoff, ct);
            Console.WriteLine($"完成：压缩 {result.SeriesDays} 个序列日，{result.Readings} 条数据");
            return 0;
        });
        return command;
    }
}
