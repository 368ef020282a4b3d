namespace EcoEnforce.Hj212;

/// <summary>QnRtn (Table 7): the answer to a request.</summary>
public enum QnRtn
{
    Ready = 1,
    Refused = 2,
    PasswordError = 3,
    MnError = 4,
    StError = 5,
    FlagError = 6,
    QnError = 7,
    CnError = 8,
    CrcError = 9,
    Unknown = 100,
}

/// <summary>ExeRtn (Table 6): the result of executing a request.</summary>
public enum ExeRtn
{
    Success = 1,
    FailedUnknown = 2,
    BadCondition = 3,
    Timeout = 4,
    Busy = 5,
    SystemFault = 6,
    NoData = 100,
}

/// <summary>
/// The interaction replies (§6.5, Appendix C): ST=91, the incoming packet's QN echoed, and a Flag
/// that keeps the sender's version bits with A=0. 2005 had no QN header in replies and carries
/// the QN inside CP instead (<c>CP=&amp;&amp;QN=…;QnRtn=1&amp;&amp;</c>).
/// </summary>
public static class Hj212Replies
{
    public const string InteractionSt = "91";

    /// <summary>9011: answers a request (the platform's side of a device request, or a device's).</summary>
    public static byte[] RequestAnswer(Hj212Packet request, QnRtn result) =>
        Reply(request, "9011", [new("QnRtn", ((int)result).ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>9012: reports how a request ended; carries the original request's QN.</summary>
    public static byte[] ExecutionResult(Hj212Packet request, ExeRtn result) =>
        Reply(request, "9012", [new("ExeRtn", ((int)result).ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>9013: answers a notice (e.g. 1013 time-calibration request, 2012 stop).</summary>
    public static byte[] NotificationAnswer(Hj212Packet notice) => Reply(notice, "9013", []);

    /// <summary>9014: acknowledges uploaded data; for split packets it echoes that part's QN.</summary>
    public static byte[] DataAnswer(Hj212Packet upload) => Reply(upload, "9014", []);

    /// <summary>
    /// Whether a reply can echo the packet's QN, PW and MN. A frame cannot escape anything, so a reply can only carry
    /// them when they are ASCII without separators, as the standard defines them; a packet that breaks this (a valid
    /// CRC does not prevent it) goes unanswered rather than making the reply builder throw.
    /// </summary>
    public static bool CanReply(Hj212Packet packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var qn = packet.Edition == Hj212Edition.Hj2005 ? packet.Qn ?? packet.CpMap.GetValueOrDefault("QN") : packet.Qn;
        return Echoable(qn) && Echoable(packet.Pw) && Echoable(packet.Mn);
    }

    private static bool Echoable(string? value) =>
        value is null || value.All(c => c is > ' ' and < (char)127 and not (';' or ',' or '=' or '&'));

    /// <summary>The Flag value a reply to <paramref name="packet"/> carries: same version bits, no A, no D.</summary>
    public static int ReplyFlag(Hj212Packet packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return (packet.Flag?.VersionBits ?? 0) << 2;
    }

    private static byte[] Reply(Hj212Packet packet, string cn, List<KeyValuePair<string, string>> cp)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var flag = ReplyFlag(packet);
        var qn = packet.Qn;
        if (packet.Edition == Hj212Edition.Hj2005)
        {
            qn ??= packet.CpMap.GetValueOrDefault("QN");
            if (!string.IsNullOrEmpty(qn))
            {
                cp.Insert(0, new("QN", qn));
            }
            qn = null;
        }
        var header = new Hj212HeaderValues(qn, InteractionSt, cn, packet.Pw ?? "", packet.Mn ?? "", flag);
        return Hj212Builder.Frame(Hj212Builder.DataSegment(header, cp));
    }
}
