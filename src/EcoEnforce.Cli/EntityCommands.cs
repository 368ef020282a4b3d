using System.CommandLine;
using EcoEnforce.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

internal static class EntityCommands
{
    public static Command Import(Func<ServiceProvider> buildServices)
    {
        var file = new Argument<FileInfo>("file") { Description = "按模板填写的 .xlsx 文件" };
        var entities = new Command("entities", "从Excel导入检查对象名录（全部校验通过才写入）") { file };
        entities.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"文件不存在：{path.FullName}");
                return 2;
            }
            await using var services = buildServices();
            await using var scope = services.CreateAsyncScope();
            var progress = CliHost.ConsoleProgress();
            progress.Report($"读取并校验 {path.Name}");
            await using var stream = path.OpenRead();
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportEntities.Handler>().HandleAsync(stream, progress, ct);
            if (!outcome.Succeeded)
            {
                Console.Error.WriteLine($"导入失败，未写入任何数据。共 {outcome.Errors.Count} 处错误：");
                foreach (var error in outcome.Errors) Console.Error.WriteLine("  " + error);
                return 1;
            }
            Console.WriteLine($"导入成功：新增 {outcome.Created} 个，更新 {outcome.Updated} 个。");
            return 0;
        });
        var import = new Command("import", "导入");
        import.Subcommands.Add(entities);
        return import;
    }

    public static Command Export(Func<ServiceProvider> buildServices)
    {
        var file = new Argument<FileInfo>("file") { Description = "输出的 .xlsx 文件" };
        var flag = new Option<string?>("--flag") { Description = "只导出带此标记的对象：" + string.Join(", ", SearchEntities.Flags.Keys) };
        var entities = new Command("entities", "把检查对象名录导出为Excel（可直接用于导入）") { file, flag };
        entities.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(flag);
            if (chosen is not null && !SearchEntities.Flags.ContainsKey(chosen))
            {
                Console.Error.WriteLine($"未知标记“{chosen}”，可选：{string.Join(", ", SearchEntities.Flags.Keys)}");
                return 2;
            }
            var path = parse.GetValue(file)!;
            await using var services = buildServices();
            await using var scope = services.CreateAsyncScope();
            // Written to a temporary file first so a failed export never leaves half a workbook behind.
            var temp = path.FullName + ".tmp";
            int count;
            try
            {
                await using (var stream = File.Create(temp))
                {
                    count = await scope.ServiceProvider.GetRequiredService<ExportEntities.Handler>()
                        .HandleAsync(stream, chosen is null ? null : new SearchEntities.Filter { Flag = chosen }, ct);
                }
                File.Move(temp, path.FullName, overwrite: true);
            }
            catch
            {
                File.Delete(temp);
                throw;
            }
            Console.WriteLine($"已导出 {count} 个检查对象到 {path.FullName}");
            return 0;
        });
        var export = new Command("export", "导出");
        export.Subcommands.Add(entities);
        return export;
    }
}
