using System.CommandLine;
using EcoEnforce.Draws;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce draws …</c>: 双随机抽取的命令行工具.</summary>
internal static class DrawCommands
{
    public static Command Create(Func<ServiceProvider> services)
    {
        var draws = new Command("draws", "双随机抽取：复核抽取导出文件");
        draws.Subcommands.Add(Verify());
        // `draws run` (needs the database, hence `services`) is added here.
        return draws;
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
