using System.Text;
using EcoEnforce.Hj212;

namespace EcoEnforce.Receiver.Tests.Fuzz;

/// <summary>Bugs the fuzzer found, kept as plain tests so they stay fixed whatever the fuzzer's budget.</summary>
public class FuzzFindingsTests
{
    // A CRC is computed over whatever bytes were sent, so a correct CRC does not make the header ASCII.
    private static Hj212Packet Upload(string qn)
    {
        var data = Encoding.UTF8.GetBytes($"QN={qn};ST=32;CN=2011;PW=123456;MN=000101;Flag=5;CP=&&DataTime=20240123131000;w01018-Rtd=46.8&&");
        var frame = new byte[data.Length + 12];
        Hj212Builder.WriteFrame(data, frame);
        return Hj212Packet.Parse(frame);
    }

    [Fact]
    public void A_valid_upload_with_a_non_ASCII_QN_is_not_answered_since_no_reply_can_echo_it()
    {
        var packet = Upload("2024012313100二氧化硫5589");
        Assert.True(packet.IsValid);
        Assert.True(packet.Flag!.Value.NeedsReply);

        // Before the fix the receiver called DataAnswer here; it threw and failed every packet of the batch.
        Assert.False(Hj212Replies.CanReply(packet));
    }

    [Fact]
    public void An_ordinary_upload_can_still_be_answered()
    {
        var packet = Upload("20240123131000123");
        Assert.True(Hj212Replies.CanReply(packet));
        Assert.Equal(Hj212Verdict.Valid, Hj212Packet.Parse(Hj212Replies.DataAnswer(packet)).Verdict);
    }
}
