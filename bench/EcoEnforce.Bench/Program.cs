using BenchmarkDotNet.Running;
using EcoEnforce.Bench;

if (args is ["--corpus"])
{
    // Shows what the benchmark parses, so the figures can be read against packet size.
    var frames = MinuteCorpus.Build(1000);
    Console.WriteLine($"{frames.Count} frames, {frames.Min(f => f.Length)}–{frames.Max(f => f.Length)} bytes, mean {frames.Average(f => f.Length):F0}");
    Console.WriteLine(System.Text.Encoding.ASCII.GetString(frames[0]).TrimEnd());
    Console.WriteLine($"GFNI CRC path: {System.Runtime.Intrinsics.X86.Gfni.IsSupported}");
    return;
}

if (args is ["--train", ..])
{
    TrainLoad.Run(args);
    return;
}

if (args is ["--receiver-load", ..])
{
    await ReceiverLoad.RunAsync(args);
    return;
}

if (args is ["--store", ..])
{
    await StoreLoad.RunAsync(args);
    return;
}

if (args is ["--draw"])
{
    // The 双随机 draw at district scale: one line, best of 10.
    DrawBenchmarks.Quick();
    return;
}

if (args is ["--scan-store", ..])
{
    await ScanStoreLoad.RunAsync(args);
    return;
}

if (args is ["--detect", ..])
{
    DetectLoad.Run(args);
    return;
}

if (args is ["--quick"])
{
    // A fast look between BenchmarkDotNet runs: best of 15 rounds, so a busy machine hurts less.
    QuickTimer.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
