using System.Buffers;
using System.Text;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;

namespace EcoEnforce.Receiver.Tests.Hj212;

public partial class ExpectedResultsTests
{
    [Fact]
    public void Every_listed_mutation_of_a_good_frame_is_rejected_or_recorded()
    {
        var entry = Entries[18];
        var segment = entry.GetProperty("input").GetProperty("mutations_of").GetString()!;
        var cases = entry.GetProperty("input").GetProperty("cases").EnumerateArray().Select(c => c.GetString()!).ToList();
        var good = Encoding.ASCII.GetString(Hj212Builder.Frame(segment));
        Assert.Equal(Hj212Verdict.Valid, Hj212Packet.Parse(good).Verdict);

        Assert.Equal(10, cases.Count);
        Assert.Contains("length", Reasons("##0001" + good[6..]));
        Assert.Contains("no-header", Reasons("!!" + good[2..]));
        Assert.Equal(Hj212Verdict.ValidLenient, ParseAtEndOfStream(good[..^2]).Verdict);
        Assert.Contains("crc", Reasons(good[..^6] + "0000\r\n"));
        Assert.Contains("length-field", Reasons("##0A01" + good[6..]));
        Assert.Contains("crc-missing", Reasons(good[..^6] + "ZZZZ\r\n"));
        Assert.Throws<ArgumentException>(() => Hj212Builder.DataSegment(
            new Hj212HeaderValues("20160801085857223", "32", "2061", "123456", "MN测试", 5), []));
        Assert.Throws<ArgumentException>(() => Hj212Builder.Frame(new string('a', 1025)));
        Assert.True(Deviations(segment.Replace("ST=32;", "ST=32;BROKEN;", StringComparison.Ordinal)).HasFlag(Hj212Deviations.MalformedField));
        Assert.True(Deviations(segment.Replace("ST=32;", "ST=32;ST=91;", StringComparison.Ordinal)).HasFlag(Hj212Deviations.DuplicateField));
    }

    [Fact]
    public void Split_packets_are_acked_one_by_one_merged_and_closed_with_9012_on_the_request_qn()
    {
        var entry = Entries[19];
        var parts = entry.GetProperty("input").EnumerateArray().Select(p => Hj212Packet.Parse(Hj212Builder.Frame(p.GetString()!))).ToList();
        var expect = entry.GetProperty("expect");
        var assembler = new Hj212SplitAssembler(new ManualClock(), TimeSpan.FromSeconds(30));
        var request = Hj212Packet.Parse(Hj212Requests.HistoryData(
            new Hj212Device("010000A8900016F000169DC0", "123456", "32"), new DateTime(2016, 8, 1, 8, 58, 57, 223),
            Hj212HistoryKind.Hour, new DateTime(2016, 8, 1, 8, 0, 0), new DateTime(2016, 8, 1, 8, 0, 0)));

        var acks = parts.Select(p => Hj212Packet.Parse(Hj212Replies.DataAnswer(p))).ToList();
        var first = assembler.Add(parts[1]);
        var second = assembler.Add(parts[0]);
        var done = Hj212Packet.Parse(Hj212Replies.ExecutionResult(request, ExeRtn.Success));

        Assert.All(parts, p => Assert.Equal(Hj212Verdict.Valid, p.Verdict));
        Assert.Equal(parts.Select(p => p.Qn), acks.Select(a => a.Qn));
        Assert.All(acks, a => Assert.Equal(("9014", "91", 4, ""), (a.Cn, a.St, a.Flag!.Value.Value, a.CpText)));
        Assert.Equal(parts.Count, parts.Select(p => p.Qn).Distinct().Count());
        Assert.All(parts, p => Assert.Equal("20160801080000", p.DataTime));
        Assert.Equal(Hj212AssemblyState.Pending, first.State);
        Assert.Equal(Hj212AssemblyState.Complete, second.State);
        Assert.Equal(expect.GetProperty("merged_items").EnumerateArray().Select(i => i.GetString()), second.Message!.Items.Select(i => i.Code));
        Assert.Equal(("9012", "20160801085857223", "ExeRtn=1"), (done.Cn, done.Qn, done.CpText));
    }

    private static IReadOnlyList<string> Reasons(string frame) => Hj212Packet.Parse(frame).Reasons;

    private static Hj212Deviations Deviations(string segment) => Hj212Packet.Parse(Hj212Builder.Frame(segment)).Deviations;

    private static Hj212Packet ParseAtEndOfStream(string bytes)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(bytes));
        var framer = new Hj212FrameReader();
        Assert.False(framer.TryReadFrame(ref buffer, out _));
        Assert.True(framer.TryReadFinalFrame(ref buffer, out var frame));
        return Hj212Packet.Parse(frame);
    }
}
