using System.Buffers;
using CsCheck;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;
using EcoEnforce.Tests.Fuzzing;

namespace EcoEnforce.Receiver.Tests.Fuzz;

/// <summary>
/// Coverage the seeded loops in PropertyTests cannot reach: edits are re-framed with a correct length and CRC so they
/// get past the CRC check into the header, CP, item and number parsers; both parse APIs are walked to the end; and
/// what the receiver does next with a packet (answer it, reassemble split parts) must not throw either.
/// </summary>
public class Hj212ParserFuzzTests
{
    // Objects for every CP field, the raw copy and the notes: a tiny field costs a few hundred bytes; linear, never more.
    private static long Cap(PacketCase c) => 1024 * 1024 + 512L * c.Bytes.Length;

    [Fact]
    public void Fuzzed_frames_parse_to_a_verdict_without_throwing_and_both_parsers_agree()
    {
        var clock = new ManualClock();
        var assembler = new Hj212SplitAssembler(clock, TimeSpan.FromMinutes(10));
        FuzzRun.Check("hj212-parse", Hj212FuzzInputs.Packet, c =>
        {
            var packet = Hj212Packet.Parse(c.Bytes);
            var view = Hj212PacketView.Parse(c.Bytes);
            Assert.Equal(view.Deviations, packet.Deviations & view.Deviations);
            Assert.Equal(packet.Verdict, Hj212Verdicts.Of(packet.Deviations));
            Assert.NotNull(packet.Reasons);
            Assert.All(packet.Notes, n => Assert.False(string.IsNullOrEmpty(n.Detail)));

            var fields = view.Fields;
            var count = 0;
            while (fields.TryRead(out _)) count++;
            Assert.Equal(packet.Cp.Count, count);
            var items = view.Items;
            while (items.TryRead(out var item))
            {
                _ = item.TryGetDouble(CpFieldKind.Rtd, out _);
                _ = item.Flag;
            }
            foreach (var item in packet.Items)
            {
                _ = (item.Rtd, item.Avg, item.Min, item.Max, item.Cou, item.ZsRtd, item.Flag, item.Info);
            }

            // A frame given a correct length and CRC is never refused for its framing (its content may still deviate).
            if (c.Reframed && c.Bytes.Length - 12 <= Hj212FrameLayout.MaxDataLength)
                Assert.Equal(Hj212Deviations.None, packet.Deviations & FramingErrors);

            // The receiver answers valid uploads that ask for it and whose header a reply can echo: the answer must be a
            // valid frame itself.
            if (packet.IsValid && packet.Flag is { NeedsReply: true } && Hj212Replies.CanReply(packet))
            {
                var answer = Hj212Packet.Parse(Hj212Replies.DataAnswer(packet));
                Assert.Equal(Hj212Verdict.Valid, answer.Verdict);
                Assert.Equal(packet.Mn ?? "", answer.Mn ?? "");
            }

            var assembly = assembler.Add(packet);
            if (assembly.State == Hj212AssemblyState.Complete) Assert.Equal(packet.Pnum, assembly.Message!.Parts.Count);
            clock.Advance(TimeSpan.FromMinutes(1));
            _ = assembler.RemoveExpired();
        }, Cap, iterations: 3000, print: c => c.ToString(), save: c => c.Bytes);
    }

    private const Hj212Deviations FramingErrors = Hj212Deviations.NoHeader | Hj212Deviations.LengthFieldInvalid
        | Hj212Deviations.LengthMismatch | Hj212Deviations.Truncated | Hj212Deviations.CrcMissing | Hj212Deviations.CrcMismatch;

    [Fact]
    public void Parsing_a_multi_segment_frame_gives_the_same_packet_as_one_span()
    {
        var gen = Gen.Select(Hj212FuzzInputs.Packet, Gen.Int[1, 64], (c, size) => (Case: c, Size: size));
        FuzzRun.Check("hj212-segments", gen, x =>
        {
            var whole = Hj212Packet.Parse(x.Case.Bytes);
            var split = Hj212Packet.Parse(TestSequenceSegment.Split(x.Case.Bytes, x.Size));
            Assert.Equal((whole.Deviations, whole.DataSegment, whole.Cp.Count), (split.Deviations, split.DataSegment, split.Cp.Count));
        }, x => 2 * Cap(x.Case) + 64L * x.Case.Bytes.Length, iterations: 1000, print: x => $"{x.Case} in segments of {x.Size}", save: x => x.Case.Bytes);
    }
}
