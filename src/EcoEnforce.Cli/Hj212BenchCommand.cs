using System.CommandLine;
using System.Diagnostics;
using EcoEnforce.Bench;

namespace EcoEnforce.Cli;

/// <summary><c>ecoenforce hj212 bench</c>: parse + CRC + full CP decode of typical minute packets on one thread, the
/// same work as the BenchmarkDotNet benchmark, for a quick figure on any machine.</summary>
internal static class Hj212BenchCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "测量时长（秒）", DefaultValueFactory = _ => 5 };
        var bench = new Command("bench", "单线程解析+CRC+完整CP解码的速度（packets/s）") { seconds };
        bench.SetAction(r =>
        {
            var frames = MinuteCorpus.Build(1000);
            var bytes = frames.Sum(f => f.Length);
            for (var warm = 0; warm < 20; warm++) DecodeAll(frames);
            var budget = TimeSpan.FromSeconds(Math.Max(0.5, r.GetValue(seconds)));
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            long packets = 0;
            var checksum = 0.0;
            while (watch.Elapsed < budget)
            {
                checksum += DecodeAll(frames);
                packets += frames.Count;
            }
            watch.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.Error.WriteLine($"corpus: {frames.Count} frames, {bytes / frames.Count} bytes average; allocated {allocated / (double)packets:F2} B/packet; checksum {checksum:E3}");
            Console.WriteLine($"{packets / watch.Elapsed.TotalSeconds:F0} packets/s");
            return 0;
        });
        return bench;
    }

    private static double DecodeAll(List<byte[]> frames)
    {
        var sum = 0.0;
        foreach (var frame in frames) sum += MinuteCorpus.DecodeFully(frame);
        return sum;
    }
}
