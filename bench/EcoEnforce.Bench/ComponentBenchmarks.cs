using BenchmarkDotNet.Attributes;
using EcoEnforce.Hj212;

namespace EcoEnforce.Bench;

/// <summary>Where a packet's time goes: CRC alone, frame + header, then CP fields.</summary>
[MemoryDiagnoser]
public class ComponentBenchmarks
{
    private const int CorpusSize = 1000;
    private List<byte[]> _frames = [];

    [GlobalSetup]
    public void Setup() => _frames = MinuteCorpus.Build(CorpusSize);

    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int Crc_only()
    {
        var x = 0;
        foreach (var frame in _frames)
        {
            x ^= Hj212Crc.Compute(frame.AsSpan(6, frame.Length - 12));
        }
        return x;
    }

    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int Frame_layout_with_crc()
    {
        var x = 0;
        foreach (var frame in _frames)
        {
            x += Hj212FrameLayout.Analyze(frame).DataLength;
        }
        return x;
    }

    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int Header_only()
    {
        var x = 0;
        foreach (var frame in _frames)
        {
            x += Hj212Header.Parse(frame.AsSpan(6, frame.Length - 12)).CnCode;
        }
        return x;
    }

    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int Cp_fields_only()
    {
        var x = 0;
        foreach (var frame in _frames)
        {
            var data = frame.AsSpan(6, frame.Length - 12);
            var cpStart = data.IndexOf("CP=&&"u8) + 5;
            var reader = new CpFieldReader(data, new FieldRange(cpStart, data.Length - 2 - cpStart));
            while (reader.TryRead(out var field))
            {
                x += field.Value.Length;
            }
        }
        return x;
    }

    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int Cp_items_only()
    {
        var x = 0;
        foreach (var frame in _frames)
        {
            var data = frame.AsSpan(6, frame.Length - 12);
            var cpStart = data.IndexOf("CP=&&"u8) + 5;
            var reader = new CpItemReader(data, new FieldRange(cpStart, data.Length - 2 - cpStart));
            while (reader.TryRead(out var item))
            {
                x += item.FieldCount;
            }
        }
        return x;
    }
}
