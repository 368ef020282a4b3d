using System.Text;
using EcoEnforce.Data;
using EcoEnforce.Hj212;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests.Receiver;

public abstract partial class ReceiverTests<TApp>
{
    [Fact]
    public async Task An_upload_whose_QN_no_reply_can_echo_is_stored_unanswered_and_the_next_upload_is_still_answered()
    {
        var mn = await KnownMnAsync(8);
        await using var device = await ConnectAsync(mn);
        // Found by fuzzing: a valid CRC over a UTF-8 QN made the 9014 builder throw inside the batch's transaction.
        var normal = Device.MinutePacket(mn, BaseTime, 20, Qn());
        var text = Encoding.UTF8.GetString(normal.AsSpan(6, normal.Length - 12)).Replace("QN=", "QN=二氧化硫", StringComparison.Ordinal);
        var odd = new byte[Encoding.UTF8.GetByteCount(text) + 12];
        Hj212Builder.WriteFrame(Encoding.UTF8.GetBytes(text), odd);
        var qn = Qn();

        await device.SendAsync(odd, Ct);
        await device.SendAsync(Device.MinutePacket(mn, BaseTime.AddMinutes(1), 21, qn), Ct);

        Assert.Equal(qn, Assert.Single(await device.ReadAnswersAsync(1, Ct)).Qn);
        var raw = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().RawPackets.CountAsync(p => p.Mn == mn, Ct));
        Assert.Equal(2, raw);
    }
}
