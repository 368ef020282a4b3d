using System.CommandLine;
using EcoEnforce.Backups;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce backup -o DIR</c> and <c>ecoenforce restore DIR [--force]</c>; exit 0 on success, 1 on any failure.</summary>
internal static class BackupCommands
{
    public static Command Backup(Func<ServiceProvider> buildServices)
    {
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "备份目录（不存在或为空）", Required = true };
        var backup = new Command("backup", "备份数据库（含全部证据文件），网站运行时也可执行；SQLite 在线备份，PostgreSQL 用 pg_dump") { output };
        backup.SetAction(async (parse, ct) =>
        {
            await using var services = buildServices();
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CreateBackup.Handler>()
                .HandleAsync(new CreateBackup.Command(parse.GetValue(output)!.FullName), CliHost.ConsoleProgress(), ct);
            if (!result.Succeeded) return Failed("备份失败", result.Errors);
            var manifest = result.Value!;
            Console.WriteLine($"备份完成：{parse.GetValue(output)!.FullName}");
            Console.WriteLine($"  数据库 {manifest.Provider}，结构版本 {manifest.LastMigration}，证据文件 {manifest.Evidence.Count} 个（{manifest.Evidence.Bytes} 字节）");
            foreach (var file in manifest.Files) Console.WriteLine($"  {file.Path}  {file.Length} 字节  SHA-256 {file.Sha256}");
            if (manifest.Evidence.Damaged.Count > 0)
                Console.Error.WriteLine($"警告：数据库中已有 {manifest.Evidence.Damaged.Count} 个证据文件与其记录的 SHA-256 不符（编号 {string.Join("、", manifest.Evidence.Damaged.Take(10))}），已按现状备份。");
            return 0;
        });
        return backup;
    }

    public static Command Restore(Func<ServiceProvider> buildServices)
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "由 backup 生成的备份目录" };
        var force = new Option<bool>("--force") { Description = "目标数据库已有数据时仍然覆盖" };
        var restore = new Command("restore", "从备份目录恢复数据库：先校验清单中每个文件的 SHA-256；恢复前请停止网站和接收程序") { directory, force };
        restore.SetAction(async (parse, ct) =>
        {
            await using var services = buildServices();
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RestoreBackup.Handler>()
                .HandleAsync(new RestoreBackup.Command(parse.GetValue(directory)!.FullName, parse.GetValue(force)), CliHost.ConsoleProgress(), ct);
            if (!result.Succeeded) return Failed("恢复失败", result.Errors);
            var outcome = result.Value!;
            Console.WriteLine($"恢复完成：{outcome.Target} ← {parse.GetValue(directory)!.FullName}（备份于 {outcome.Manifest.CreatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC）");
            Console.WriteLine($"  证据文件 {outcome.Manifest.Evidence.Count} 个，已逐个核对 SHA-256");
            if (outcome.PreviousCopy is not null) Console.WriteLine($"  原数据库已保留为 {outcome.PreviousCopy}");
            return 0;
        });
        return restore;
    }

    private static int Failed(string what, IReadOnlyList<Common.FieldError> errors)
    {
        foreach (var error in errors) Console.Error.WriteLine($"{what}：{error.Message}");
        return 1;
    }
}
