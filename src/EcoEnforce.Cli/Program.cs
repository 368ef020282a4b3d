using System.CommandLine;

namespace EcoEnforce.Cli;

public static class CliProgram
{
    public static Task<int> Main(string[] args) => RunAsync(args, null);

    /// <summary>Runs one command line; <paramref name="configuration"/> overrides settings (tests use it for the data directory).</summary>
    public static Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? configuration)
    {
        Func<Microsoft.Extensions.DependencyInjection.ServiceProvider> services = () => CliHost.Build(configuration);
        var root = new RootCommand("EcoEnforce 命令行工具：数据库迁移、检查对象名录导入导出、用户管理、备份与恢复。读取与网站相同的配置（ECOENFORCE_DATA_DIR、Database__Provider 等）。");
        root.Subcommands.Add(DbCommands.Create(services));
        root.Subcommands.Add(EntityCommands.Import(services));
        root.Subcommands.Add(EntityCommands.Export(services));
        root.Subcommands.Add(UserCommands.Create(services));
        root.Subcommands.Add(Hj212Commands.Create(services));
        root.Subcommands.Add(DrawCommands.Create(services));
        root.Subcommands.Add(ReportCommands.Create(services));
        root.Subcommands.Add(MonitoringCommands.Create(services));
        root.Subcommands.Add(ComplaintCommands.Create(services));
        root.Subcommands.Add(TargetingCommands.Create());
        root.Subcommands.Add(BackupCommands.Backup(services));
        root.Subcommands.Add(BackupCommands.Restore(services));
        root.Subcommands.Add(AuditCommands.Create(services));
        var parsed = root.Parse(args);
        // Bad arguments to `monitoring detect` exit with 2 like its file errors; other commands keep the library's 1.
        return parsed.Errors.Count > 0 && MonitoringCommands.Owns(parsed) ? Task.FromResult(MonitoringCommands.ReportErrors(parsed)) : parsed.InvokeAsync();
    }
}
