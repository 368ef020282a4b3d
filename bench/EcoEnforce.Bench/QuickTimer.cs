using System.Diagnostics;

namespace EcoEnforce.Bench;

/// <summary>Best-of-N stopwatch timings of the benchmarks' methods; a quick check, not the reported figure.</summary>
public static class QuickTimer
{
    public static void Run()
    {
        var parse = new ParseBenchmarks();
        parse.Setup();
        var parts = new ComponentBenchmarks();
        parts.Setup();
        Time("code lookup x3", () =>
        {
            var n = 0;
            for (var i = 0; i < 1000; i++)
            {
                n += EcoEnforce.Hj212.PollutantCodes.To2017("w01018"u8, out _)!.Length + EcoEnforce.Hj212.PollutantCodes.To2017("a21026"u8, out _)!.Length
                    + EcoEnforce.Hj212.PollutantCodes.To2017("B01"u8, out _)!.Length;
            }
            return n;
        });
        Time("number x15", () =>
        {
            var sum = 0.0;
            for (var i = 0; i < 1000; i++)
            {
                for (var k = 0; k < 15; k++)
                {
                    EcoEnforce.Hj212.Hj212Number.TryParse("163.57"u8, out var v);
                    sum += v;
                }
            }
            return sum;
        });
        Time("crc", () => parts.Crc_only());
        Time("layout+crc", () => parts.Frame_layout_with_crc());
        Time("header", () => parts.Header_only());
        Time("cp fields", () => parts.Cp_fields_only());
        Time("cp items", () => parts.Cp_items_only());
        Time("view full decode", () => parse.View_parse_crc_and_full_decode());
        Time("framer + view", () => parse.Framer_then_view_decode_over_a_stream());
    }

    private static void Time(string name, Func<object> action)
    {
        // Run until the JIT has settled on optimised (tier-1, PGO) code, as BenchmarkDotNet's warm-up
        // does; otherwise the first rounds time tier-0 code and the figure depends on the JIT's timing.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 500)
        {
            action();
        }
        var best = double.MaxValue;
        for (var round = 0; round < 15; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                action();
            }
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / 20 / 1000);
        }
        Console.WriteLine($"{name,-20} {best,8:F1} ns/packet  {1e9 / best,12:N0} packets/s");
    }
}
