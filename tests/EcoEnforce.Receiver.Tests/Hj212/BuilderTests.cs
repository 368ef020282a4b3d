using EcoEnforce.Hj212;

namespace EcoEnforce.Receiver.Tests.Hj212;

public class BuilderTests
{
    private static readonly DateTime Qn = new(2016, 8, 1, 8, 58, 57, 223);
    private static readonly Hj212Device Device = new("010000A8900016F000169DC0", "123456", "32");

    [Theory]
    [InlineData("##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80", 4)]
    [InlineData("##0435QN=20210301111100112;ST=21;CN=2011;PW=123456;MN=ZLDSZ20210127;Flag=8;CP=&&DataTime=20210301111100;w01001-Rtd=8.33,w01001-Flag=N;w01009-Rtd=10.15,w01009-Flag=N;w01010-Rtd=9.7,w01010-Flag=N;w01014-Rtd=1425,w01014-Flag=N;w01003-Rtd=13.10,w01003-Flag=N;w21011-Rtd=0,w21011-Flag=N;w21001-Rtd=3.563168,w21001-Flag=N;w21003-Rtd=0.09055002,w21003-Flag=N;w01019-Rtd=4.102818,w01019-Flag=N;w01008-Rtd=0,w01008-Flag=N;w23002-Rtd=0,w23002-Flag=N&&7d00", 8)]
    public void Replies_echo_qn_with_st_91_and_the_senders_version_bits(string incoming, int flag)
    {
        var packet = Hj212Packet.Parse(incoming);

        foreach (var reply in new[]
        {
            Hj212Replies.RequestAnswer(packet, QnRtn.Ready), Hj212Replies.ExecutionResult(packet, ExeRtn.Success),
            Hj212Replies.NotificationAnswer(packet), Hj212Replies.DataAnswer(packet),
        })
        {
            var parsed = Hj212Packet.Parse(reply);
            Assert.Equal(Hj212Verdict.Valid, parsed.Verdict);
            Assert.Equal((packet.Qn, "91", flag, packet.Mn, packet.Pw), (parsed.Qn, parsed.St, parsed.Flag!.Value.Value, parsed.Mn, parsed.Pw));
        }
    }

    [Fact]
    public void Replies_match_the_standards_examples_byte_for_byte()
    {
        var request = Hj212Packet.Parse("##0101QN=20160801085857223;ST=32;CN=1062;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&4400");

        Assert.Equal("##0094QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&1B00\r\n", Ascii(Hj212Replies.RequestAnswer(request, QnRtn.Ready)));
        Assert.Equal("##0095QN=20160801085857223;ST=91;CN=9012;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&ExeRtn=1&&6240\r\n", Ascii(Hj212Replies.ExecutionResult(request, ExeRtn.Success)));
        Assert.Equal("##0087QN=20160801085857223;ST=91;CN=9013;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&2A80\r\n", Ascii(Hj212Replies.NotificationAnswer(request)));
        Assert.Equal("##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&3240\r\n", Ascii(Hj212Replies.DataAnswer(request)));
    }

    [Fact]
    public void Reply_to_a_2005_packet_puts_the_qn_inside_cp_and_sends_flag_0()
    {
        var request = Hj212Packet.Parse(Hj212Builder.Frame("ST=32;CN=1011;PW=123456;MN=LD130133000015;Flag=1;CP=&&QN=20040516010101001&&"));

        var reply = Hj212Packet.Parse(Hj212Replies.RequestAnswer(request, QnRtn.Ready));

        Assert.Null(reply.Qn);
        Assert.Equal((0, "QN=20040516010101001;QnRtn=1"), (reply.Flag!.Value.Value, reply.CpText));
    }

    [Fact]
    public void Platform_requests_carry_the_table_9_command_codes()
    {
        var requests = new (byte[] Frame, string Cn, string Cp)[]
        {
            (Hj212Requests.GetTime(Device, Qn, "w01018"), "1011", "PolId=w01018"),
            (Hj212Requests.SetTime(Device, Qn, new DateTime(2016, 8, 1, 8, 58, 57), "w01018"), "1012", "PolId=w01018;SystemTime=20160801085857"),
            (Hj212Requests.GetRealTimeInterval(Device, Qn), "1061", ""),
            (Hj212Requests.SetRealTimeInterval(Device, Qn, 30), "1062", "RtdInterval=30"),
            (Hj212Requests.GetMinuteInterval(Device, Qn), "1063", ""),
            (Hj212Requests.SetMinuteInterval(Device, Qn, 10), "1064", "MinInterval=10"),
            (Hj212Requests.StartRealTimeData(Device, Qn), "2011", ""),
            (Hj212Requests.HistoryData(Device, Qn, Hj212HistoryKind.Minute, new(2016, 8, 1, 8, 40, 0), new(2016, 8, 1, 8, 40, 0)), "2051", "BeginTime=20160801084000;EndTime=20160801084000"),
            (Hj212Requests.HistoryData(Device, Qn, Hj212HistoryKind.Hour, new(2016, 8, 1, 8, 0, 0), new(2016, 8, 1, 8, 0, 0)), "2061", "BeginTime=20160801080000;EndTime=20160801080000"),
            (Hj212Requests.HistoryData(Device, Qn, Hj212HistoryKind.Day, new(2016, 8, 1), new(2016, 8, 1)), "2031", "BeginTime=20160801000000;EndTime=20160801000000"),
        };

        foreach (var (frame, cn, cp) in requests)
        {
            var packet = Hj212Packet.Parse(frame);
            Assert.Equal((Hj212Verdict.Valid, "20160801085857223", "32", cn, 5, cp), (packet.Verdict, packet.Qn, packet.St, packet.Cn, packet.Flag!.Value.Value, packet.CpText));
        }
    }

    [Fact]
    public void Minute_history_request_matches_the_standards_example()
    {
        var frame = Hj212Requests.HistoryData(Device, Qn, Hj212HistoryKind.Minute, new(2016, 8, 1, 8, 40, 0), new(2016, 8, 1, 8, 40, 0));

        Assert.Equal("##0134QN=20160801085857223;ST=32;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&BeginTime=20160801084000;EndTime=20160801084000&&56C0\r\n", Ascii(frame));
    }

    [Theory]
    [InlineData(Hj212Edition.Hj2005, 1)]
    [InlineData(Hj212Edition.Hj2017, 5)]
    [InlineData(Hj212Edition.Hj2025, 9)]
    public void Request_flag_follows_the_devices_edition(Hj212Edition edition, int flag)
    {
        var packet = Hj212Packet.Parse(Hj212Requests.GetTime(Device with { Edition = edition }, Qn));

        Assert.Equal(flag, packet.Flag!.Value.Value);
        Assert.Equal(edition, packet.Edition);
    }

    [Fact]
    public void Builder_refuses_values_with_reserved_characters_and_out_of_range_intervals()
    {
        Assert.Throws<ArgumentException>(() => Hj212Builder.DataSegment(new Hj212HeaderValues(null, "32", "2011", "1;2", "MN", 4), []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hj212Requests.SetRealTimeInterval(Device, Qn, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hj212Requests.SetMinuteInterval(Device, Qn, 7));
    }

    private static string Ascii(byte[] frame) => System.Text.Encoding.ASCII.GetString(frame);
}
