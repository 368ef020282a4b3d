using System.CommandLine;
using EcoEnforce.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

internal static class DbCommands
{
    public static Command Create(Func<ServiceProvider> buildServices)
    {
        var migrate = new Command("migrate", "创建或迁移数据库，并像网站首次启动一样载入2022年计划、部门和示例数据、创建管理员");
        migrate.SetAction(async (_, ct) =>
        {
            await using var services = buildServices();
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CliHost.ConsoleProgress(), ct);
            Console.WriteLine("数据库已是最新版本。");
            return 0;
        });
        var db = new Command("db", "数据库");
        db.Subcommands.Add(migrate);
        return db;
    }
}
