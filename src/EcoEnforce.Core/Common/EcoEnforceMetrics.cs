using System.Diagnostics.Metrics;

namespace EcoEnforce.Common;

/// <summary>The app's own counters, on meter <see cref="MeterName"/>: what an operator watches to know that data loggers
/// are being heard and stored, draws run and leads come out. Exported by OpenTelemetry (Prometheus format at /metrics).</summary>
public sealed class EcoEnforceMetrics
{
    public const string MeterName = "EcoEnforce";

    private readonly Counter<long> _packetsReceived;
    private readonly Counter<long> _packetsStored;
    private readonly Counter<long> _packetsFailed;
    private readonly Counter<long> _readingsStored;
    private readonly Counter<long> _drawsExecuted;
    private readonly Counter<long> _leadsFound;

    /// <summary>Hosts give their <see cref="IMeterFactory"/>; code without one (a bare service collection) gets a meter of its own.</summary>
    public EcoEnforceMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _packetsReceived = meter.CreateCounter<long>("ecoenforce.hj212.packets.received", "{packet}", "HJ 212 frames read from data loggers");
        _packetsStored = meter.CreateCounter<long>("ecoenforce.hj212.packets.stored", "{packet}", "HJ 212 frames durably stored (and so acknowledged when asked)");
        _packetsFailed = meter.CreateCounter<long>("ecoenforce.hj212.packets.failed", "{packet}", "HJ 212 frames whose batch failed to store; not acknowledged, the device resends");
        _readingsStored = meter.CreateCounter<long>("ecoenforce.hj212.readings.stored", "{reading}", "New readings stored from HJ 212 data uploads");
        _drawsExecuted = meter.CreateCounter<long>("ecoenforce.draws.executed", "{draw}", "双随机 draws executed");
        _leadsFound = meter.CreateCounter<long>("ecoenforce.leads.found", "{lead}", "New leads found in monitoring data");
    }

    public void PacketReceived() => _packetsReceived.Add(1);
    public void PacketsStored(int packets, int readings)
    {
        _packetsStored.Add(packets);
        _readingsStored.Add(readings);
    }
    public void PacketsFailed(int packets) => _packetsFailed.Add(packets);
    public void DrawExecuted() => _drawsExecuted.Add(1);
    public void LeadsFound(int leads)
    {
        if (leads > 0) _leadsFound.Add(leads);
    }
}
