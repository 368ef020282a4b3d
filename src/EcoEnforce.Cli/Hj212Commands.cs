using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

internal static class Hj212Commands
{
    public static Command Create(Func<ServiceProvider> buildServices)
    {
        var hj212 = new Command("hj212", "HJ 212 协议工具：解析报文、模拟数采仪、性能测试");
        hj212.Subcommands.Add(Hj212ParseCommand.Create());
        hj212.Subcommands.Add(Hj212SimulateCommand.Create(buildServices));
        hj212.Subcommands.Add(Hj212BenchCommand.Create());
        return hj212;
    }
}
