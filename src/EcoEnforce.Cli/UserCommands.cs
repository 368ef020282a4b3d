using System.CommandLine;
using EcoEnforce.Accounts;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

internal static class UserCommands
{
    public static Command Create(Func<ServiceProvider> buildServices)
    {
        var userName = new Argument<string>("username") { Description = "登录用户名" };
        var name = new Option<string>("--name") { Description = "姓名", Required = true };
        var role = new Option<string>("--role") { Description = "角色：" + string.Join(", ", Roles.All), Required = true };
        var department = new Option<string?>("--department") { Description = "所属单位全称或简称（联络员必填），如 李渡街道、区公安局" };
        var add = new Command("add", "新增用户；密码由系统生成并只显示一次（也可用环境变量 ECOENFORCE_NEW_PASSWORD 指定）")
        {
            userName, name, role, department,
        };
        add.SetAction(async (parse, ct) =>
        {
            await using var services = buildServices();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            int? departmentId = null;
            if (parse.GetValue(department) is { Length: > 0 } unit)
            {
                departmentId = await db.Departments.Where(d => d.Name == unit || d.ShortName == unit).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
                if (departmentId is null)
                {
                    Console.Error.WriteLine($"单位“{unit}”不存在");
                    return 1;
                }
            }
            var given = Environment.GetEnvironmentVariable("ECOENFORCE_NEW_PASSWORD");
            var password = string.IsNullOrEmpty(given) ? DatabaseInitializer.GeneratePassword() : given;
            var result = await scope.ServiceProvider.GetRequiredService<CreateUser.Handler>().HandleAsync(
                new CreateUser.Command(parse.GetValue(userName)!, parse.GetValue(name)!, parse.GetValue(role)!, departmentId, password), ct);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) Console.Error.WriteLine(e.Message);
                return 1;
            }
            Console.WriteLine($"已创建用户 {parse.GetValue(userName)}（{Roles.Labels[parse.GetValue(role)!]}）。");
            if (string.IsNullOrEmpty(given)) Console.WriteLine($"初始密码：{password}（只显示这一次）");
            return 0;
        });
        var users = new Command("users", "用户管理");
        users.Subcommands.Add(add);
        return users;
    }
}
