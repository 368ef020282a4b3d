namespace EcoEnforce.Monitoring;

/// <summary>Every frame received, byte for byte, with when and from where: the evidence behind every reading.
/// Resends are kept too (the fact that a device resent is itself evidence); their readings are stored once.</summary>
public sealed class RawPacket
{
    public long Id { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public required string Peer { get; set; }
    public string? Mn { get; set; }
    public string? Cn { get; set; }
    public string? Qn { get; set; }
    public required byte[] Bytes { get; set; }
    /// <summary>ok, mismatch, variant or missing.</summary>
    public required string Crc { get; set; }
    public bool IsValid { get; set; }
    /// <summary>The Hj212Deviations bits, and the notes in words.</summary>
    public long Deviations { get; set; }
    public string? Notes { get; set; }
}

public enum ReadingKind
{
    /// <summary>实时数据, CN 2011.</summary>
    RealTime = 0,
    /// <summary>分钟数据, CN 2051.</summary>
    Minute = 1,
    /// <summary>小时数据, CN 2061.</summary>
    Hour = 2,
    /// <summary>日数据, CN 2031.</summary>
    Day = 3,
}

/// <summary>One pollutant's value at one time from one device. (Mn, Kind, PollutantCode, DataTimeUtc) is the key, so a
/// resent packet adds no second reading.</summary>
public sealed class Reading
{
    public required string Mn { get; set; }
    public int? MonitoringPointId { get; set; }
    public ReadingKind Kind { get; set; }
    /// <summary>The 2017 code where one exists, else the code as sent.</summary>
    public required string PollutantCode { get; set; }
    public DateTime DataTimeUtc { get; set; }
    /// <summary>Rtd for real-time data, Avg for minute/hour/day data.</summary>
    public double? Value { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    public double? Cou { get; set; }
    public string? Flag { get; set; }
    public long RawPacketId { get; set; }
}

/// <summary>A device that sent data but whose MN is not registered: its readings are kept, unassigned, until an
/// operator links the MN to an outlet.</summary>
public sealed class UnknownDevice
{
    public int Id { get; set; }
    public required string Mn { get; set; }
    public DateTime FirstSeenUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    public long PacketCount { get; set; }
    public string? LastPeer { get; set; }
}
