using System.CommandLine;
using System.Globalization;
using EcoEnforce.Data;
using EcoEnforce.Hj212;
using EcoEnforce.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce hj212 simulate</c>: plays data loggers against a receiver. By default the devices are the
/// outlets registered in the database (the demo's key units come alive); every tenth misbehaves (split packets,
/// resends, junk between frames).</summary>
internal static class Hj212SimulateCommand
{
    public static Command Create(Func<ServiceProvider> buildServices)
    {
        var host = new Option<string>("--host") { Description = "接收端地址", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "接收端端口", DefaultValueFactory = _ => 5212 };
        var devices = new Option<int>("--devices") { Description = "设备数（默认：数据库中登记的全部排口）", DefaultValueFactory = _ => 0 };
        var rate = new Option<double>("--rate") { Description = "每台设备每秒发送的分钟数据包数（1 = 每秒推进一分钟）", DefaultValueFactory = _ => 1 };
        var minutes = new Option<int>("--minutes") { Description = "每台设备发送的分钟数据条数", DefaultValueFactory = _ => 60 };
        var start = new Option<string?>("--start") { Description = "第一条数据的北京时间，如 2022-11-01T08:00（默认：当前时间减去 --minutes）" };
        var simulate = new Command("simulate", "模拟数采仪向接收端发送分钟数据") { host, port, devices, rate, minutes, start };
        simulate.SetAction(async (r, ct) =>
        {
            var outlets = await OutletsAsync(buildServices, r.GetValue(devices), ct);
            var count = r.GetValue(minutes);
            var first = r.GetValue(start) is { } s
                ? DateTime.Parse(s, CultureInfo.InvariantCulture)
                : Common.ChinaTime.ToChina(DateTime.UtcNow).AddMinutes(-count);
            first = first.AddSeconds(-first.Second).AddMilliseconds(-first.Millisecond);
            var delay = TimeSpan.FromSeconds(1 / Math.Max(0.001, r.GetValue(rate)));
            Console.Error.WriteLine($"{outlets.Count} 台设备 → {r.GetValue(host)}:{r.GetValue(port)}，每台 {count} 条分钟数据，从 {first:yyyy-MM-dd HH:mm} 起");
            var acknowledged = 0L;
            var tasks = outlets.Select((o, i) => Task.Run(async () =>
            {
                var device = new SimulatedDevice(o.Mn, o.Limits, misbehaving: i % 10 == 9, seed: i);
                var acks = await device.RunAsync(r.GetValue(host)!, r.GetValue(port), first, count, delay, ct);
                Interlocked.Add(ref acknowledged, acks);
            }, ct)).ToList();
            await Task.WhenAll(tasks);
            Console.WriteLine($"完成：{outlets.Count} 台设备，收到 {acknowledged} 个 9014 应答");
            return 0;
        });
        return simulate;
    }

    private static async Task<List<(string Mn, IReadOnlyList<MonitoringLimit> Limits)>> OutletsAsync(Func<ServiceProvider> buildServices, int wanted, CancellationToken ct)
    {
        var list = new List<(string, IReadOnlyList<MonitoringLimit>)>();
        try
        {
            await using var services = buildServices();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            if (!await db.Database.CanConnectAsync(ct) || (await db.Database.GetPendingMigrationsAsync(ct)).Any())
                throw new InvalidOperationException("数据库未初始化");
            var points = await db.MonitoringPoints.AsNoTracking().Include(p => p.Limits).OrderBy(p => p.Mn).ToListAsync(ct);
            list.AddRange(points.Select(p => (p.Mn, (IReadOnlyList<MonitoringLimit>)p.Limits)));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"无法读取数据库中的排口（{e.Message}），使用模拟编号");
        }
        if (wanted <= 0) wanted = Math.Max(list.Count, 1);
        for (var i = list.Count; i < wanted; i++) list.Add(($"77000000{i:D6}", SimulatedDevice.DefaultWaterLimits));
        return list.Take(wanted).ToList();
    }

}
