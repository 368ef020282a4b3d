using System.CommandLine;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using EcoEnforce.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce report monthly|roster|summary</c>: the official forms for batch runs (the 25th, the year end).
/// Files are written beside the target and moved into place, so a failed run leaves nothing half-written.</summary>
internal static class ReportCommands
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var report = new Command("report", "报表：月度工作情况报表（附表2）、联络员名单（附表1）、年度总结");
        report.Subcommands.Add(Monthly(services));
        report.Subcommands.Add(Roster(services));
        report.Subcommands.Add(SummaryCommand.Create(services));
        return report;
    }

    private static Command Monthly(Func<ServiceProvider> services)
    {
        var unit = new Option<string?>("--unit") { Description = "填报单位（名称或简称，如 李渡街道、执法支队）；不填为全区汇总" };
        var month = new Option<string>("--month") { Description = "报表月份，如 2022-08", Required = true };
        var campaign = new Option<int?>("--campaign") { Description = "专项编号；不填为该年度要求月报的专项（水污染防治）" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "输出的 .xlsx 文件", Required = true };
        var command = new Command("monthly", "生成某单位（或全区汇总）某月的附表2（现场检查工作情况报表）") { unit, month, campaign, output };
        command.SetAction(async (parse, ct) =>
        {
            if (MonthlyObligation.ParseMonth(parse.GetValue(month)) is not var (year, monthNumber))
                return Fail(2, "月份格式应为 年-月，如 2022-08");
            var day = new DateOnly(year, monthNumber, 1);
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var campaignId = parse.GetValue(campaign);
            if (campaignId is null)
            {
                var monthly = await ReportingUnits.MonthlyCampaignsAsync(db, day.Year, ct);
                if (monthly.Count == 0) return Fail(1, $"{day.Year}年没有要求月报的专项，请用 --campaign 指定");
                campaignId = monthly[0].Campaign.Id;
            }
            else if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) return Fail(1, $"专项 {campaignId} 不存在");
            int? unitId = null;
            if (parse.GetValue(unit) is { Length: > 0 } name)
            {
                var matches = await db.Departments.Where(d => d.Name == name || d.ShortName == name).Select(d => d.Id).ToListAsync(ct);
                if (matches.Count != 1) return Fail(1, $"找不到单位“{name}”（请用单位全称或简称）");
                unitId = matches[0];
            }
            var snapshot = await MonthlyForm.ComputeAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), campaignId.Value, unitId, day.Year, day.Month, ct);
            var path = parse.GetValue(output)!.FullName;
            WriteAtomically(path, s => LedgerXlsx.Write(s, snapshot.Form($"cli:{Environment.UserName}", DateOnly.FromDateTime(DateTime.Today)), snapshot.Rows));
            var c = snapshot.ThisMonth;
            Console.WriteLine($"已生成 {path}（{snapshot.UnitName}）：本月计划 {c.Planned} 次、完成 {c.Done} 次、发现问题 {c.ProblemsFound} 个、完成整改 {c.Rectified} 个；明细 {snapshot.Rows.Count} 条（全年累计）");
            return 0;
        });
        return command;
    }

    private static Command Roster(Func<ServiceProvider> services)
    {
        var year = new Option<int>("--year") { Description = "年度", DefaultValueFactory = _ => DateTime.Today.Year };
        var output = new Option<FileInfo>("--output", "-o") { Description = "输出的 .xlsx 文件", Required = true };
        var command = new Command("roster", "导出各单位分管负责人和联络员名单（附表1）") { year, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            var entries = await Reports.Roster.ListAsync(db, parse.GetValue(year), null, ct);
            var path = parse.GetValue(output)!.FullName;
            WriteAtomically(path, s => Reports.Roster.WriteXlsx(s, "涪陵区生态环境局（汇总）", entries, $"cli:{Environment.UserName}", DateOnly.FromDateTime(DateTime.Today)));
            Console.WriteLine($"已生成 {path}：{entries.Count} 人");
            return 0;
        });
        return command;
    }

    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        try
        {
            using (var stream = File.Create(temporary)) write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
