using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EcoEnforce.Hj212;

namespace EcoEnforce.Bench;

/// <summary>
/// Load against a running receiver (<c>--receiver-load</c>), two phases in one run:
/// 1. hold <c>connections</c> idle device connections open and report the receiver's resident memory per connection
///    (pass its <c>--pid</c>);
/// 2. <c>senders</c> devices each pipeline <c>packets</c> minute packets of 8 pollutants and wait for every 9014;
///    readings/s = packets × 8 / time until the last answer.
/// </summary>
public static class ReceiverLoad
{
    private const int PollutantsPerPacket = 8;

    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var port = int.Parse(Arg("--port", "5212"), CultureInfo.InvariantCulture);
        var connections = int.Parse(Arg("--connections", "10000"), CultureInfo.InvariantCulture);
        var senders = int.Parse(Arg("--senders", "200"), CultureInfo.InvariantCulture);
        var packets = int.Parse(Arg("--packets", "500"), CultureInfo.InvariantCulture);
        var pid = int.Parse(Arg("--pid", "0"), CultureInfo.InvariantCulture);
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);

        var before = Rss(pid);
        var idle = new List<TcpClient>(connections);
        for (var i = 0; i < connections; i++)
        {
            var c = new TcpClient();
            await c.ConnectAsync(endpoint);
            // One valid upload each, so every connection has been through the handler and holds its state.
            await c.GetStream().WriteAsync(Packet($"55{i:D12}", 0, ack: false));
            idle.Add(c);
        }
        await Task.Delay(3000);
        var after = Rss(pid);
        Console.WriteLine($"{connections} idle connections held; receiver RSS {before / 1024} MB -> {after / 1024} MB " +
                          $"({(after - before) / (double)Math.Max(1, connections):F1} KB per connection)");

        // A fresh MN range per run, so every reading is new even when the generator runs again against the same database.
        // Uploads are built before the clock starts, so the generator spends its share of the two cores on sending.
        var run = Environment.TickCount64 % 10_000;
        var uploads = Enumerable.Range(0, senders).Select(d => Uploads($"44{run:D4}{d:D8}", packets)).ToList();
        var watch = Stopwatch.StartNew();
        var tasks = uploads.Select(u => SendAsync(endpoint, u, packets)).ToList();
        var answered = (await Task.WhenAll(tasks)).Sum();
        watch.Stop();
        Console.WriteLine($"{senders} devices x {packets} packets ({PollutantsPerPacket} pollutants each): {answered} answered in {watch.Elapsed.TotalSeconds:F1} s " +
                          $"= {answered * PollutantsPerPacket / watch.Elapsed.TotalSeconds:F0} readings/s acknowledged");
        foreach (var c in idle) c.Dispose();
    }

    /// <summary>One device's backlog of minute uploads, cut into writes of up to 64 KB (a logger sending what it has
    /// queued): the receiver sees many frames per read, as it does from real backlogs.</summary>
    private static List<byte[]> Uploads(string mn, int packets)
    {
        var writes = new List<byte[]>();
        var pending = new List<byte>(65536);
        for (var i = 0; i < packets; i++)
        {
            var packet = Packet(mn, i, ack: true);
            if (pending.Count + packet.Length > 65536)
            {
                writes.Add([.. pending]);
                pending.Clear();
            }
            pending.AddRange(packet);
        }
        if (pending.Count > 0) writes.Add([.. pending]);
        return writes;
    }

    private static async Task<int> SendAsync(IPEndPoint endpoint, List<byte[]> uploads, int packets)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint);
        var stream = client.GetStream();
        var reader = Task.Run(async () =>
        {
            var buffer = new byte[65536];
            var lines = 0;
            while (lines < packets)
            {
                var n = await stream.ReadAsync(buffer);
                if (n == 0) break;
                lines += buffer.AsSpan(0, n).Count((byte)'\n');
            }
            return lines;
        });
        foreach (var upload in uploads) await stream.WriteAsync(upload);
        return await reader;
    }

    internal static byte[] Packet(string mn, int minute, bool ack)
    {
        var time = new DateTime(2023, 1, 1, 0, 0, 0).AddMinutes(minute);
        var cp = new List<KeyValuePair<string, string>> { new("DataTime", Hj212Time.Format(time)) };
        string[] codes = ["a21026", "a21002", "a34013", "a19001", "a01012", "a01013", "a01014", "a00000"];
        foreach (var code in codes)
        {
            cp.Add(new($"{code}-Avg", (minute % 97 + 1.5).ToString("F1", CultureInfo.InvariantCulture)));
            cp.Add(new($"{code}-Flag", "N"));
        }
        var data = Hj212Builder.DataSegment(new Hj212HeaderValues(Hj212Time.FormatQn(time), "31", "2051", "123456", mn,
            Hj212Flag.For(Hj212Edition.Hj2017, needsReply: ack)), cp);
        return Hj212Builder.Frame(data);
    }

    /// <summary>Resident set of a process in KB (0 when unknown).</summary>
    private static long Rss(int pid)
    {
        if (pid <= 0) return 0;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
