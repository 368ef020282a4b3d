using System.Globalization;
using System.Net.Sockets;
using EcoEnforce.Hj212;
using EcoEnforce.Monitoring;

namespace EcoEnforce.Cli;

/// <summary>One data logger: minute data for its limited pollutants (values around 40% of the limit with noise, flag N,
/// occasionally C for calibration), QN per packet, asking for 9014. A misbehaving one splits packets, resends and
/// sends junk between frames, as real loggers do.</summary>
internal sealed class SimulatedDevice(string mn, IReadOnlyList<MonitoringLimit> limits, bool misbehaving, int seed)
{
    public static readonly IReadOnlyList<MonitoringLimit> DefaultWaterLimits =
    [
        new() { PollutantCode = "w01018", Limit = 100, Unit = "毫克/升", Basis = "模拟" },
        new() { PollutantCode = "w21003", Limit = 15, Unit = "毫克/升", Basis = "模拟" },
    ];

    private readonly Random _random = new(seed);

    public async Task<long> RunAsync(string host, int port, DateTime firstChinaTime, int minutes, TimeSpan delay, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, ct);
        var stream = client.GetStream();
        var reading = Task.Run(() => CountAnswersAsync(stream, ct), ct);
        var expected = 0L;
        for (var i = 0; i < minutes && !ct.IsCancellationRequested; i++)
        {
            var packet = Packet(firstChinaTime.AddMinutes(i));
            if (misbehaving && i % 7 == 3) await stream.WriteAsync("\r\nAT+HEARTBEAT\r\n"u8.ToArray(), ct);
            if (misbehaving && i % 5 == 1)
            {
                var half = packet.Length / 2;
                await stream.WriteAsync(packet.AsMemory(0, half), ct);
                await Task.Delay(20, ct);
                await stream.WriteAsync(packet.AsMemory(half), ct);
            }
            else
            {
                await stream.WriteAsync(packet, ct);
            }
            expected++;
            if (misbehaving && i % 6 == 2)
            {
                await stream.WriteAsync(packet, ct); // resend
                expected++;
            }
            await Task.Delay(delay, ct);
        }
        // Like a real logger, wait for the answers before hanging up (at most 30 s).
        for (var waited = 0; Interlocked.Read(ref _answers) < expected && waited < 300; waited++) await Task.Delay(100, ct);
        client.Client.Shutdown(SocketShutdown.Send);
        await reading;
        return Interlocked.Read(ref _answers);
    }

    private long _answers;

    private byte[] Packet(DateTime chinaTime)
    {
        var cp = new List<KeyValuePair<string, string>> { new("DataTime", chinaTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)) };
        foreach (var limit in limits)
        {
            var avg = limit.Limit * (0.4 + 0.1 * (_random.NextDouble() - 0.5));
            cp.Add(new($"{limit.PollutantCode}-Min", F(avg * 0.9)));
            cp.Add(new($"{limit.PollutantCode}-Avg", F(avg)));
            cp.Add(new($"{limit.PollutantCode}-Max", F(avg * 1.1)));
            cp.Add(new($"{limit.PollutantCode}-Flag", _random.Next(200) == 0 ? "C" : "N"));
        }
        var qn = chinaTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + _random.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
        var data = Hj212Builder.DataSegment(
            new Hj212HeaderValues(qn, limits.Any(l => l.PollutantCode.StartsWith('a')) ? "31" : "32", "2051", "123456", mn,
                Hj212Flag.For(Hj212Edition.Hj2017, needsReply: true)), cp);
        return Hj212Builder.Frame(data);
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    private async Task CountAnswersAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[8192];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, ct)) > 0)
                Interlocked.Add(ref _answers, buffer.AsSpan(0, n).Count((byte)'\n'));
        }
        catch (IOException)
        {
        }
    }
}
