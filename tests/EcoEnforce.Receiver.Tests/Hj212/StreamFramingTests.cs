using System.Buffers;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;

namespace EcoEnforce.Receiver.Tests.Hj212;

public class StreamFramingTests
{
    public static TheoryData<string> Cases => new(TestData.JsonLines("streams.jsonl").Select(c => c.GetProperty("case").GetString()!));

    [Fact]
    public void Streams_file_holds_14_cases()
    {
        Assert.Equal(14, Cases.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stream_yields_the_expected_frames_when_fed_in_its_chunks(string name)
    {
        var (chunks, expected) = Load(name);

        var frames = Feed(chunks, out var leftover);

        Assert.Equal(expected, frames.Count);
        AssertFramesAreWhole(frames, name, leftover);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stream_yields_the_expected_frames_when_fed_byte_by_byte(string name)
    {
        var (chunks, expected) = Load(name);
        var bytes = chunks.SelectMany(c => c).ToArray();

        var frames = Feed(bytes.Select(b => new[] { b }).ToList(), out var leftover);

        Assert.Equal(expected, frames.Count);
        AssertFramesAreWhole(frames, name, leftover);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stream_yields_the_expected_frames_from_multi_segment_buffers(string name)
    {
        var (chunks, expected) = Load(name);
        var bytes = chunks.SelectMany(c => c).ToArray();

        foreach (var size in new[] { 1, 2, 3, 7, 64 })
        {
            var buffer = TestSequenceSegment.Split(bytes, size);
            var framer = new Hj212FrameReader();
            var frames = new List<byte[]>();
            while (framer.TryReadFrame(ref buffer, out var frame))
            {
                frames.Add(frame.Bytes.ToArray());
            }

            Assert.Equal(expected, frames.Count);
            Assert.Equal(bytes.Length, frames.Sum(f => f.Length) + framer.SkippedBytes + buffer.Length);
        }
    }

    [Fact]
    public void Junk_before_a_frame_is_counted_not_thrown()
    {
        var (chunks, _) = Load("leading junk: Modbus/TCP probe bytes then a packet");
        var buffer = new ReadOnlySequence<byte>(chunks.SelectMany(c => c).ToArray());
        var framer = new Hj212FrameReader();

        Assert.True(framer.TryReadFrame(ref buffer, out var frame));

        Assert.Equal(12, frame.SkippedBefore);
        Assert.Equal(12, framer.SkippedBytes);
    }

    [Fact]
    public void Truncated_stream_keeps_the_remainder_buffered_and_hands_it_over_at_the_end()
    {
        var (chunks, _) = Load("truncated at end of stream: no frame, keep remainder buffered");
        var buffer = new ReadOnlySequence<byte>(chunks[0]);
        var framer = new Hj212FrameReader();

        Assert.False(framer.TryReadFrame(ref buffer, out _));
        Assert.Equal(chunks[0].Length, buffer.Length);

        Assert.True(framer.TryReadFinalFrame(ref buffer, out var frame));
        var packet = Hj212Packet.Parse(frame);
        Assert.Contains("truncated", packet.Reasons);
    }

    [Fact]
    public void Crc_corrupted_frame_is_recognised_and_flagged()
    {
        var frames = Feed(Load("CRC corrupted: frame is recognised but must be flagged crc-error (and answered QnRtn=9 for requests)").Chunks, out _);

        var packet = Hj212Packet.Parse(frames.Single());

        Assert.Equal(CrcStatus.Mismatch, packet.Crc.Status);
        Assert.Equal(Hj212Verdict.Invalid, packet.Verdict);
    }

    [Fact]
    public void Gbk_log_text_falls_back_to_gb18030()
    {
        var frames = Feed(Load("GBK vendor: Table C.40 log packet encoded in GBK (length and CRC over GBK bytes); frame is valid at byte level, UTF-8 decoding of the log text fails -> fall back to GBK (GB18030)").Chunks, out _);

        var packet = Hj212Packet.Parse(frames.Single());

        Assert.Equal(Hj212Verdict.Valid, packet.Verdict);
        Assert.Equal("清洗管路", packet.Item("i11001")!.Info);
        Assert.True(packet.Deviations.HasFlag(Hj212Deviations.TextNotUtf8));
    }

    [Fact]
    public void Lf_only_and_missing_terminators_are_accepted_leniently()
    {
        var lf = Feed(Load("LF-only terminator (vendor deviation; accept leniently)").Chunks, out _, keepFrames: true);
        var none = FeedFrames(Load("missing terminator, next packet follows immediately (deviation)").Chunks);

        Assert.Equal(Hj212Verdict.ValidLenient, Hj212Packet.Parse(lf.Single()).Verdict);
        Assert.Equal(Hj212Terminator.None, none[0].Terminator);
        Assert.Equal(Hj212Verdict.ValidLenient, Hj212Packet.Parse(none[0]).Verdict);
        Assert.Equal(Hj212Verdict.Valid, Hj212Packet.Parse(none[1]).Verdict);
    }

    [Fact]
    public void Oversize_frame_is_accepted_with_a_flag()
    {
        var frames = Feed(Load("oversize: declared 1025 > 1024 (accept with flag, real devices do this)").Chunks, out _);

        var packet = Hj212Packet.Parse(frames.Single());

        Assert.Contains("oversize", packet.Reasons);
        Assert.Equal(CrcStatus.Ok, packet.Crc.Status);
    }

    [Fact]
    public void Declared_length_longer_than_the_data_resyncs_on_the_next_header()
    {
        var good = "##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&3240\r\n"u8.ToArray();
        var lying = "##0190QN=20250920184002002;ST=22;CN=2011;PW=123456;MN=ALARM_TEST_002;Flag=0;CP=&&DataTime=20250920184002,a21001-Rtd=0.6,a21001-Flag=N,a34004-Rtd=50.0,a34004-Flag=N&&5678\r\n"u8.ToArray();

        var frames = FeedFrames([[.. lying, .. good]]);

        Assert.Equal(2, frames.Count);
        Assert.Contains("length", Hj212Packet.Parse(frames[0]).Reasons);
        Assert.Equal(Hj212Verdict.Valid, Hj212Packet.Parse(frames[1]).Verdict);
    }

    private static (List<byte[]> Chunks, int Expected) Load(string name)
    {
        var c = TestData.JsonLines("streams.jsonl").Single(c => c.GetProperty("case").GetString() == name);
        var chunks = c.GetProperty("chunks_hex").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();
        return (chunks, c.GetProperty("expected_frames").GetInt32());
    }

    // Mimics a PipeReader loop: append each read, frame, keep the unconsumed rest.
    private static List<byte[]> Feed(IReadOnlyList<byte[]> chunks, out int leftover, bool keepFrames = true)
    {
        var framer = new Hj212FrameReader();
        var frames = new List<byte[]>();
        var pending = Array.Empty<byte>();
        foreach (var chunk in chunks)
        {
            var buffer = new ReadOnlySequence<byte>([.. pending, .. chunk]);
            while (framer.TryReadFrame(ref buffer, out var frame))
            {
                frames.Add(frame.Bytes.ToArray());
            }
            pending = buffer.ToArray();
        }
        leftover = pending.Length;
        return keepFrames ? frames : [];
    }

    private static List<Hj212Frame> FeedFrames(IReadOnlyList<byte[]> chunks)
    {
        var framer = new Hj212FrameReader();
        var buffer = TestSequenceSegment.Create(chunks);
        var frames = new List<Hj212Frame>();
        while (framer.TryReadFrame(ref buffer, out var frame))
        {
            frames.Add(frame with { Bytes = new ReadOnlySequence<byte>(frame.Bytes.ToArray()) });
        }
        return frames;
    }

    private static void AssertFramesAreWhole(List<byte[]> frames, string name, int leftover)
    {
        foreach (var frame in frames)
        {
            Assert.StartsWith("##", System.Text.Encoding.Latin1.GetString(frame), StringComparison.Ordinal);
            var expectInvalid = name.StartsWith("CRC corrupted", StringComparison.Ordinal) || name.StartsWith("oversize", StringComparison.Ordinal);
            Assert.Equal(expectInvalid, Hj212Packet.Parse(frame).Verdict == Hj212Verdict.Invalid);
        }
        if (name.StartsWith("truncated", StringComparison.Ordinal))
        {
            Assert.Equal(50, leftover);
        }
    }
}
