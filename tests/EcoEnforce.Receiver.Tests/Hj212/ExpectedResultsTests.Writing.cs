using System.Text;
using EcoEnforce.Hj212;

namespace EcoEnforce.Receiver.Tests.Hj212;

public partial class ExpectedResultsTests
{
    [Fact]
    public void Round_trip_with_a_new_password_gives_the_library_output_with_an_uppercase_crc()
    {
        var input = Entries[6].GetProperty("input");
        var written = Entries[6].GetProperty("expect").GetProperty("written").GetString()!;
        var read = Hj212Packet.Parse(input.GetProperty("read").GetString()!);
        var newPw = input.GetProperty("then_set").GetProperty("PW").GetString();
        // That library writes items in its map order; rebuild in the order it chose.
        var order = Hj212Packet.Parse(written).Cp.Select(kv => kv.Key).ToList();

        var frame = Hj212Builder.Frame(Hj212Builder.DataSegment(
            new Hj212HeaderValues(read.Qn, read.St, read.Cn, newPw, read.Mn, read.Flag?.Value),
            order.Select(k => new KeyValuePair<string, string>(k, read.CpMap[k]))));

        // Same bytes except that the standard prints the CRC in uppercase (1DC0, not 1dc0).
        Assert.Equal(written[..^6] + written[^6..].ToUpperInvariant(), Encoding.ASCII.GetString(frame));
        Assert.Equal(Hj212Verdict.ValidLenient, Hj212Packet.Parse(written).Verdict);
        Assert.Equal(Hj212Verdict.Valid, Hj212Packet.Parse(frame).Verdict);
    }

    [Fact]
    public void Map_writer_output_with_semicolons_everywhere_frames_and_parses_back()
    {
        var input = Entries[7].GetProperty("input");
        var written = Entries[7].GetProperty("expect").GetProperty("written").GetString()!;
        var data = written[6..^6];

        var frame = Encoding.ASCII.GetString(Hj212Builder.Frame(data));
        var parsed = Hj212Packet.Parse(written);

        Assert.Equal(written, frame, ignoreCase: true);
        Assert.Equal(input.GetProperty("CP").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)), parsed.Cp);
        Assert.Equal(input.GetProperty("MN").GetString(), parsed.Mn);
    }

    [Fact]
    public void Wrong_crc_is_an_error_yet_the_packet_still_parses()
    {
        var packet = Hj212Packet.Parse(Entries[8].GetProperty("input").GetString()!);

        Assert.Contains("crc", packet.Reasons);
        Assert.Contains(packet.Notes, n => n.Code == "crc");
        Assert.Equal("LD130133000015", packet.Mn);
        Assert.Equal("231.0", packet.Item("011")!.Fields["Rtd"]);
    }

    [Fact]
    public void Data_segment_over_1024_is_a_length_error_yet_the_packet_still_parses()
    {
        var packet = Hj212Packet.Parse(Entries[9].GetProperty("input").GetString()!);

        Assert.Contains("oversize", packet.Reasons);
        Assert.Contains(packet.Notes, n => n.Detail.Contains("1025 > 1024", StringComparison.Ordinal));
        Assert.Equal("2011", packet.Cn);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void Bad_header_or_footer_constants_are_recorded_not_thrown(int index)
    {
        var bytes = Encoding.ASCII.GetBytes(Entries[index].GetProperty("input").GetString()!);
        var buffer = new System.Buffers.ReadOnlySequence<byte>(bytes);

        var packet = Hj212Packet.Parse(bytes);

        Assert.Equal(Hj212Verdict.Invalid, packet.Verdict);
        Assert.False(new Hj212FrameReader().TryReadFrame(ref buffer, out _));
    }

    [Fact]
    public void Upload_with_a_set_a_bit_is_answered_with_9014_echoing_its_qn()
    {
        var expect = Entries[15].GetProperty("expect");
        var upload = Hj212Packet.Parse(Entries[15].GetProperty("input").GetString()!);

        var reply = Hj212Packet.Parse(Hj212Replies.DataAnswer(upload));

        Assert.Equal(expect.GetProperty("CN").GetInt32(), upload.CnCode);
        Assert.Equal(expect.GetProperty("needs_reply").GetBoolean(), upload.Flag!.Value.NeedsReply);
        Assert.Equal(Hj212Verdict.Valid, Hj212Packet.Parse(expect.GetProperty("reply_example").GetString()!).Verdict);
        Assert.Equal(("9014", "91", upload.Qn, 4, Hj212Verdict.Valid), (reply.Cn, reply.St, reply.Qn, reply.Flag!.Value.Value, reply.Verdict));
        Assert.Equal("", reply.CpText);
    }

    [Fact]
    public void Built_frame_matches_and_parses_into_factor_items()
    {
        var expect = Entries[17].GetProperty("expect");

        var frame = Encoding.ASCII.GetString(Hj212Builder.Frame(Entries[17].GetProperty("input").GetString()!));
        var packet = Hj212Packet.Parse(frame);

        Assert.Equal(expect.GetProperty("frame").GetString(), frame);
        Assert.Equal(expect.GetProperty("ST").GetString(), packet.St);
        Assert.Equal(expect.GetProperty("CN").GetString(), packet.Cn);
        Assert.Equal(expect.GetProperty("CP_raw").GetString(), "&&" + packet.CpText + "&&");
        var items = packet.Items.SelectMany(i => i.Fields.Where(f => f.Key != "Flag").Select(f => (i.Code, f.Key, f.Value)));
        Assert.Equal(expect.GetProperty("items").EnumerateArray().Select(i => (
            i.GetProperty("factor_code").GetString()!, i.GetProperty("data_type").GetString()!, i.GetProperty("value").GetString()!)), items);
    }
}
