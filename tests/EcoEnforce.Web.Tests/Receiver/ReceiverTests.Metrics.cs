using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests.Receiver;

public abstract partial class ReceiverTests<TApp>
{
    /// <summary>Listens to this app's own counters only: several apps run in the test process, and meters are matched by
    /// name process-wide, so a /metrics scrape here may show another app's counters (in production one app runs per
    /// process). The scrape endpoint itself is tested in AppTests.Operations.</summary>
    [Fact]
    public async Task Received_and_stored_packets_are_counted_by_the_apps_own_metrics()
    {
        var factory = App.Services.GetRequiredService<IMeterFactory>();
        var totals = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Common.EcoEnforceMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        var mn = await KnownMnAsync(5);
        await using (var device = await ConnectAsync(mn))
        {
            await device.SendAsync(Device.MinutePacket(mn, BaseTime.AddMinutes(50), 11, Qn()), Ct);
            await device.SendAsync(Device.MinutePacket(mn, BaseTime.AddMinutes(51), 12, Qn()), Ct);
            Assert.Equal(2, (await device.ReadAnswersAsync(2, Ct)).Count);
        }
        // Other tests may send at the same time, so the counters grow by at least these two.
        foreach (var name in new[] { "ecoenforce.hj212.packets.received", "ecoenforce.hj212.packets.stored", "ecoenforce.hj212.readings.stored" })
            Assert.True(totals.GetValueOrDefault(name) >= 2, $"{name}: {totals.GetValueOrDefault(name)}");
    }
}
