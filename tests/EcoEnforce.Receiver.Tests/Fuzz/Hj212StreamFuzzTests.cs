using System.Buffers;
using CsCheck;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;
using EcoEnforce.Tests.Fuzzing;

namespace EcoEnforce.Receiver.Tests.Fuzz;

/// <summary>
/// The stream splitter as the receiver drives it: bytes arrive in pieces, each read offers the unconsumed bytes plus
/// the new ones, and what the framer does not consume is kept for the next read. Fuzzed streams must frame the same
/// however they arrive, account for every byte, and never make the receiver hold more than one window of bytes.
/// </summary>
public class Hj212StreamFuzzTests
{
    private static readonly int[] Limits = [64, 1024, Hj212FrameReader.DefaultMaxDataLength];

    public sealed record StreamCase(PacketCase[] Packets, int[] Chunks, int Limit, byte[] Bytes)
    {
        public override string ToString() =>
            $"limit {Limit}, chunks [{string.Join(",", Chunks)}], packets [{string.Join(" | ", Packets.AsEnumerable())}]";
    }

    private static Gen<StreamCase> Streams =>
        Gen.Select(Hj212FuzzInputs.Packet.Array[1, 6], Gen.Int[1, 700].Array[1, 12], Gen.Int[0, Limits.Length - 1],
            (packets, chunks, limit) => new StreamCase(packets, chunks, Limits[limit], [.. packets.SelectMany(p => p.Bytes)]));

    [Fact]
    public void Fuzzed_streams_frame_the_same_however_the_bytes_arrive_and_buffer_at_most_one_window()
    {
        FuzzRun.Check("hj212-stream", Streams, s =>
        {
            var whole = Frames(s.Bytes, [s.Bytes.Length], s.Limit, out var wholeSkipped);
            var pieces = Frames(s.Bytes, s.Chunks, s.Limit, out var piecesSkipped);
            Assert.Equal(whole.Count, pieces.Count);
            for (var i = 0; i < whole.Count; i++) Assert.Equal(whole[i], pieces[i]);
            Assert.Equal(wholeSkipped, piecesSkipped);
            Assert.Equal(s.Bytes.Length, whole.Sum(f => f.Bytes.Length) + wholeSkipped);
        }, Cap, iterations: 600, print: s => s.ToString(), save: s => s.Bytes);
    }

    // Linear in the stream, plus the harness's own copy of the kept bytes on every read.
    private static long Cap(StreamCase s)
    {
        long reads = 0;
        for (long offset = 0; offset < s.Bytes.Length; reads++) offset += s.Chunks[reads % s.Chunks.Length];
        return 1024 * 1024 + 256L * s.Bytes.Length + reads * 4 * (s.Limit + 12 + 64);
    }

    private sealed record Cut(byte[] Bytes, Hj212Terminator Terminator)
    {
        public bool Equals(Cut? other) => other is not null && Terminator == other.Terminator && Bytes.AsSpan().SequenceEqual(other.Bytes);
        public override int GetHashCode() => Bytes.Length;
    }

    /// <summary>Feeds the bytes in chunks of the given sizes (cycled), as a PipeReader loop would.</summary>
    private static List<Cut> Frames(byte[] bytes, int[] chunks, int limit, out long skipped)
    {
        var framer = new Hj212FrameReader(limit);
        var frames = new List<Cut>();
        var held = Array.Empty<byte>();
        var offset = 0;
        for (var k = 0; offset < bytes.Length; k++)
        {
            var take = Math.Min(chunks[k % chunks.Length], bytes.Length - offset);
            var offered = new byte[held.Length + take];
            held.CopyTo(offered, 0);
            bytes.AsSpan(offset, take).CopyTo(offered.AsSpan(held.Length));
            offset += take;
            // Two segments, as a pipe gives the kept bytes and the new read.
            var buffer = TestSequenceSegment.Create([offered[..held.Length], offered[held.Length..]]);
            while (framer.TryReadFrame(ref buffer, out var frame))
                frames.Add(new Cut(frame.Bytes.ToArray(), frame.Terminator));
            held = buffer.ToArray();
            // Bounded memory: what the receiver keeps between reads never exceeds one frame window.
            Assert.InRange(held.Length, 0, limit + 12);
        }
        var rest = new ReadOnlySequence<byte>(held);
        if (framer.TryReadFinalFrame(ref rest, out var last)) frames.Add(new Cut(last.Bytes.ToArray(), last.Terminator));
        Assert.Equal(0, rest.Length);
        skipped = framer.SkippedBytes;
        return frames;
    }
}
