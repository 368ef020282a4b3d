using System.CommandLine;
using EcoEnforce.Complaints;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

internal static class ComplaintCommands
{
    public static Command Create(Func<ServiceProvider> buildServices)
    {
        var file = new Argument<FileInfo>("file") { Description = "12345 平台导出的工单表（.xlsx，或 UTF-8/GBK 编码的 .csv）" };
        var channelOption = new Option<string>("--channel") { Description = "表中无“来源渠道”列时的渠道：12345、12369、来信、来访、网络、其他", DefaultValueFactory = _ => "12345" };
        var import = new Command("import", "导入投诉工单（全部校验通过才写入；已导入的工单编号跳过）") { file, channelOption };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"文件不存在：{path.FullName}");
                return 2;
            }
            if (ComplaintRow.ParseChannel(parse.GetValue(channelOption) ?? "") is not { } channel)
            {
                Console.Error.WriteLine($"未知渠道“{parse.GetValue(channelOption)}”，可选：12345、12369、来信、来访、网络、其他");
                return 2;
            }
            await using var services = buildServices();
            await using var scope = services.CreateAsyncScope();
            await using var stream = path.OpenRead();
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportComplaints.Handler>().HandleAsync(stream, path.Name, channel, ct);
            if (!outcome.Succeeded)
            {
                Console.Error.WriteLine($"导入失败，未写入任何数据。共 {outcome.Errors.Count} 处错误：");
                foreach (var error in outcome.Errors) Console.Error.WriteLine("  " + error);
                return 1;
            }
            Console.WriteLine($"导入成功：新增 {outcome.Imported} 件（重复合并 {outcome.Merged}，待人工确认 {outcome.NeedsReview}，考点紧急 {outcome.Urgent}），已存在跳过 {outcome.Skipped} 件。");
            return 0;
        });
        var complaints = new Command("complaints", "投诉举报");
        complaints.Subcommands.Add(import);
        return complaints;
    }
}
