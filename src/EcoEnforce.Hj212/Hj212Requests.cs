using System.Globalization;

namespace EcoEnforce.Hj212;

/// <summary>Which device a platform request goes to and how it speaks.</summary>
public sealed record Hj212Device(string Mn, string Pw, string St, Hj212Edition Edition = Hj212Edition.Hj2017);

/// <summary>The history a 20x1 request asks for (Table 9): minute 2051, hourly 2061, daily 2031.</summary>
public enum Hj212HistoryKind
{
    Minute = 2051,
    Hour = 2061,
    Day = 2031,
    /// <summary>2041: equipment daily run time.</summary>
    RunTime = 2041,
}

/// <summary>
/// Platform → device requests (Table 9). Each carries a fresh QN (<c>YYYYMMDDhhmmsszzz</c> from
/// the injected clock) and Flag with A=1 so the device answers 9011 then 9012.
/// </summary>
public static class Hj212Requests
{
    /// <summary>1011: get the device time (optionally of one instrument, <c>PolId</c>).</summary>
    public static byte[] GetTime(Hj212Device device, DateTime qn, string? polId = null) =>
        Build(device, qn, "1011", polId is null ? [] : [new("PolId", polId)]);

    /// <summary>1012: set the device time.</summary>
    public static byte[] SetTime(Hj212Device device, DateTime qn, DateTime systemTime, string? polId = null)
    {
        List<KeyValuePair<string, string>> cp = polId is null ? [] : [new("PolId", polId)];
        cp.Add(new("SystemTime", Hj212Time.Format(systemTime)));
        return Build(device, qn, "1012", cp);
    }

    /// <summary>1061: get the real-time data interval.</summary>
    public static byte[] GetRealTimeInterval(Hj212Device device, DateTime qn) => Build(device, qn, "1061", []);

    /// <summary>1062: set the real-time data interval (30–3600 s).</summary>
    public static byte[] SetRealTimeInterval(Hj212Device device, DateTime qn, int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 30);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, 3600);
        return Build(device, qn, "1062", [new("RtdInterval", seconds.ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>1063: get the minute data interval.</summary>
    public static byte[] GetMinuteInterval(Hj212Device device, DateTime qn) => Build(device, qn, "1063", []);

    /// <summary>1064: set the minute data interval, one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30.</summary>
    public static byte[] SetMinuteInterval(Hj212Device device, DateTime qn, int minutes)
    {
        if (minutes is not (1 or 2 or 3 or 4 or 5 or 6 or 10 or 12 or 15 or 20 or 30))
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "MinInterval must divide an hour: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20 or 30.");
        }
        return Build(device, qn, "1064", [new("MinInterval", minutes.ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>2011: start real-time uploads; 2012 stops them.</summary>
    public static byte[] StartRealTimeData(Hj212Device device, DateTime qn) => Build(device, qn, "2011", []);

    public static byte[] StopRealTimeData(Hj212Device device, DateTime qn) => Build(device, qn, "2012", []);

    /// <summary>2051/2061/2031/2041 with <c>BeginTime;EndTime</c>: ask for history data.</summary>
    public static byte[] HistoryData(Hj212Device device, DateTime qn, Hj212HistoryKind kind, DateTime begin, DateTime end)
    {
        if (end < begin)
        {
            throw new ArgumentException("EndTime is before BeginTime.", nameof(end));
        }
        return Build(device, qn, ((int)kind).ToString(CultureInfo.InvariantCulture),
            [new("BeginTime", Hj212Time.Format(begin)), new("EndTime", Hj212Time.Format(end))]);
    }

    private static byte[] Build(Hj212Device device, DateTime qn, string cn, List<KeyValuePair<string, string>> cp)
    {
        ArgumentNullException.ThrowIfNull(device);
        var header = new Hj212HeaderValues(Hj212Time.FormatQn(qn), device.St, cn, device.Pw, device.Mn,
            Hj212Flag.For(device.Edition, needsReply: true));
        return Hj212Builder.Frame(Hj212Builder.DataSegment(header, cp));
    }
}
