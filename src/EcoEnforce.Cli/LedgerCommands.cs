using System.CommandLine;
using System.Globalization;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce ledger report --campaign N --month yyyy-MM FILE</c>: the monthly 附表2 of a campaign, as the
/// ledger page writes it (section 1 computed from the records), for batch runs on the 25th.</summary>
internal static class LedgerCommands
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var campaign = new Option<int>("--campaign") { Description = "专项编号（见网站“检查计划”）", Required = true };
        var month = new Option<string>("--month") { Description = "报表月份，如 2022-08", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "输出的 .xlsx 文件" };
        var report = new Command("report", "生成某专项某月的附表2（现场检查工作情况报表）") { campaign, month, file };
        report.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(month) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Console.Error.WriteLine("月份格式应为 年-月，如 2022-08");
                return 2;
            }
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var campaignId = parse.GetValue(campaign);
            if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct))
            {
                Console.Error.WriteLine($"专项 {campaignId} 不存在");
                return 1;
            }
            var (thisMonth, total) = await ReportCounts.ForAsync(db, campaignId, day.Year, day.Month, ct);
            var path = parse.GetValue(file)!.FullName;
            var temporary = path + ".tmp";
            Result<int> result;
            await using (var output = File.Create(temporary))
            {
                result = await scope.ServiceProvider.GetRequiredService<ExportLedger.Handler>().HandleAsync(new ExportLedger.Command(campaignId, day.Year,
                    day.Month, "涪陵区生态环境局", thisMonth, total, $"cli:{Environment.UserName}", DateOnly.FromDateTime(DateTime.Today)), output, ct);
            }
            if (!result.Succeeded)
            {
                File.Delete(temporary);
                foreach (var e in result.Errors) Console.Error.WriteLine(e.Message);
                return 1;
            }
            File.Move(temporary, path, overwrite: true);
            Console.WriteLine($"已生成 {path}：本月计划 {thisMonth.Planned} 次、完成 {thisMonth.Done} 次、发现问题 {thisMonth.ProblemsFound} 个、完成整改 {thisMonth.Rectified} 个；明细 {result.Value} 条（全年累计）");
            return 0;
        });
        var ledger = new Command("ledger", "问题台账");
        ledger.Subcommands.Add(report);
        return ledger;
    }
}
