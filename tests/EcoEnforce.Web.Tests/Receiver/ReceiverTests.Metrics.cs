using System.Globalization;
using System.Text.RegularExpressions;

namespace EcoEnforce.Web.Tests.Receiver;

public abstract partial class ReceiverTests<TApp>
{
    [Fact]
    public async Task Received_and_stored_packets_are_counted_in_the_metrics_a_local_scraper_reads()
    {
        var mn = await KnownMnAsync(5);
        var before = await CountersAsync();
        await using (var device = await ConnectAsync(mn))
        {
            await device.SendAsync(Device.MinutePacket(mn, BaseTime.AddMinutes(50), 11, Qn()), Ct);
            await device.SendAsync(Device.MinutePacket(mn, BaseTime.AddMinutes(51), 12, Qn()), Ct);
            Assert.Equal(2, (await device.ReadAnswersAsync(2, Ct)).Count);
        }
        var after = await CountersAsync();
        // Other tests may send at the same time, so the counters grow by at least these two.
        Assert.True(after.Received >= before.Received + 2, $"received {before.Received} → {after.Received}");
        Assert.True(after.Stored >= before.Stored + 2, $"stored {before.Stored} → {after.Stored}");
        Assert.True(after.Readings >= before.Readings + 2, $"readings {before.Readings} → {after.Readings}");
    }

    private async Task<(double Received, double Stored, double Readings)> CountersAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(App.HttpBaseUrl) };
        var text = await http.GetStringAsync("/metrics", Ct); // from 127.0.0.1: no sign-in needed
        double Sum(string name) => Regex.Matches(text, $@"^{name}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return (Sum("ecoenforce_hj212_packets_received_total"), Sum("ecoenforce_hj212_packets_stored_total"), Sum("ecoenforce_hj212_readings_stored_total"));
    }
}
