using System.Buffers;
using BenchmarkDotNet.Attributes;
using EcoEnforce.Hj212;

namespace EcoEnforce.Bench;

/// <summary>
/// Parse + CRC + full CP decode (every numeric field to a double, every flag) per packet.
/// Results are per packet: each invocation walks the whole corpus.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private const int CorpusSize = 1000;
    private List<byte[]> _frames = [];
    private ReadOnlySequence<byte> _stream;

    [GlobalSetup]
    public void Setup()
    {
        _frames = MinuteCorpus.Build(CorpusSize);
        _stream = new ReadOnlySequence<byte>(_frames.SelectMany(f => f).ToArray());
    }

    public double AverageFrameLength => _frames.Average(f => f.Length);

    [Benchmark(OperationsPerInvoke = CorpusSize, Baseline = true)]
    public double View_parse_crc_and_full_decode()
    {
        var sum = 0.0;
        foreach (var frame in _frames)
        {
            sum += Decode(frame);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public double Framer_then_view_decode_over_a_stream()
    {
        var buffer = _stream;
        var framer = new Hj212FrameReader();
        var sum = 0.0;
        while (framer.TryReadFrame(ref buffer, out var frame))
        {
            sum += Decode(frame.Bytes.FirstSpan);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int Packet_object_model()
    {
        var items = 0;
        foreach (var frame in _frames)
        {
            items += Hj212Packet.Parse(frame).Items.Count;
        }
        return items;
    }

    private static double Decode(ReadOnlySpan<byte> frame) => MinuteCorpus.DecodeFully(frame);
}
