using System.CommandLine;
using EcoEnforce.Draws;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce draws …</c>: 双随机抽取的命令行工具.</summary>
internal static class DrawCommands
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var draws = new Command("draws", "双随机抽取：按规则抽取、复核抽取导出文件");
        draws.Subcommands.Add(Run(services));
        draws.Subcommands.Add(Verify());
        return draws;
    }

    /// <summary><c>ecoenforce draws run --rule-set N --year Y [--quarter Q]</c>: freezes the pool and commits to a seed
    /// (printing the commitment), then reveals it and draws, as the web page does in two steps; <c>--export</c> writes the
    /// verification file.</summary>
    private static Command Run(Func<ServiceProvider> services)
    {
        var ruleSet = new Option<int>("--rule-set") { Description = "抽查规则编号（见网站“抽查规则”）", Required = true };
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var quarter = new Option<int?>("--quarter") { Description = "季度 1–4（按季度抽取的规则必填）" };
        var replaces = new Option<int?>("--replaces") { Description = "重新抽取时被替代的抽查编号" };
        var reason = new Option<string?>("--reason") { Description = "重新抽取的理由" };
        var export = new Option<string?>("--export") { Description = "把可复核的导出文件写到此路径" };
        var run = new Command("run", "冻结名单、承诺种子并抽取检查对象和执法人员") { ruleSet, year, quarter, replaces, reason, export };
        run.SetAction(async (parse, ct) =>
        {
            await using var provider = services();
            await using var scope = provider.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var committed = await sp.GetRequiredService<CommitDraw.Handler>().HandleAsync(new CommitDraw.Command(
                parse.GetValue(ruleSet), parse.GetValue(year), parse.GetValue(quarter), null, null, parse.GetValue(replaces), parse.GetValue(reason)), ct);
            if (!committed.Succeeded) return Fail(committed.Errors);
            var db = sp.GetRequiredService<EcoEnforce.Data.EcoEnforceDb>();
            var draw = await db.Draws.FindAsync([committed.Value], ct);
            Console.WriteLine($"第 {draw!.Id} 号抽查「{draw.Title}」：对象库 {draw.PoolSize} 家，执法人员库 {draw.InspectorPoolSize} 人");
            Console.WriteLine($"种子承诺 SHA-256：{draw.SeedSha256}");
            var executed = await sp.GetRequiredService<ExecuteDraw.Handler>().HandleAsync(new ExecuteDraw.Command(draw.Id), ct);
            if (!executed.Succeeded) return Fail(executed.Errors);
            await db.Entry(draw).ReloadAsync(ct);
            Console.WriteLine($"种子：{draw.Seed}");
            var report = await DrawReport.LoadAsync(db, draw.Id, ct);
            foreach (var row in report!.Rows) Console.WriteLine($"{row.Order,4}  {row.CreditCode}  {row.Name}（{row.ClassLabel}）  {string.Join("、", row.Team)}");
            if (parse.GetValue(export) is { } path)
            {
                await using var file = File.Create(path);
                DrawExportJson.Write(DrawExports.For(draw, report.CampaignTitle), file);
                Console.WriteLine($"导出文件：{path}（可用 ecoenforce draws verify 复核）");
            }
            return 0;
        });
        return run;
    }

    private static int Fail(IReadOnlyList<EcoEnforce.Common.FieldError> errors)
    {
        foreach (var error in errors) Console.Error.WriteLine(error.Message);
        return 1;
    }

    /// <summary><c>ecoenforce draws verify EXPORT</c>: re-runs the draw from the export alone, without a database, so an
    /// auditor can check it. Exit 0 when everything matches, 1 with the differences, 2 when the file cannot be read.</summary>
    private static Command Verify()
    {
        var file = new Argument<string>("export") { Description = "抽取导出文件（JSON）路径，或 - 表示标准输入" };
        var verify = new Command("verify", "复核抽取导出文件：种子承诺、名录与规则摘要、抽取数量和任务是否与重新计算一致") { file };
        verify.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            using var memory = new MemoryStream();
            try
            {
                await using var input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
                await input.CopyToAsync(memory, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"无法读取文件：{path}（{e.Message}）");
                return 2;
            }
            memory.Position = 0;
            var read = DrawExportJson.Read(memory);
            if (!read.Succeeded)
            {
                foreach (var error in read.Errors) Console.Error.WriteLine(error.Message);
                return 2;
            }
            var export = read.Value!;
            var report = DrawVerifier.Verify(export);
            if (report.Passed)
            {
                Console.WriteLine($"验证通过：抽取 {export.Draw.Id}「{export.Draw.Title}」的种子与事先公布的承诺一致，"
                    + $"名录、执法人员和规则的摘要与文件内容一致，按 {export.Algorithm} 重新计算的抽取数量和 {export.Tasks.Count} 项任务与记录完全相同。");
                return 0;
            }
            Console.WriteLine($"验证未通过：抽取 {export.Draw.Id}「{export.Draw.Title}」与重新计算的结果不一致：");
            foreach (var difference in report.Differences) Console.WriteLine($"  - {difference}");
            return 1;
        });
        return verify;
    }
}
