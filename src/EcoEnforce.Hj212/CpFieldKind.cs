namespace EcoEnforce.Hj212;

/// <summary>
/// What a CP field is: a per-factor suffix (<c>w01018-Rtd</c> → <see cref="Rtd"/>) or, for keys
/// without a factor code, a scalar (<c>DataTime</c>, <c>QnRtn</c>…).
/// </summary>
public enum CpFieldKind : byte
{
    /// <summary>A per-factor suffix this library does not name (<c>-ValidNum</c>, <c>-Ia</c>…).</summary>
    Other,
    Rtd,
    Min,
    Avg,
    Max,
    Cou,
    Flag,
    EFlag,
    SampleTime,
    ZsRtd,
    ZsMin,
    ZsAvg,
    ZsMax,
    /// <summary><c>SBx-RS</c>: equipment running state.</summary>
    RS,
    /// <summary><c>SBx-RT</c>: equipment run hours per day.</summary>
    RT,
    Info,
    SN,
    Data,
    DayData,
    NightData,
    /// <summary>A key without a factor code; see <see cref="CpField.Name"/>.</summary>
    Scalar,
}

/// <summary>One <c>key=value</c> pair of the CP area, as positions in the data segment.</summary>
public readonly record struct CpField(FieldRange Code, FieldRange Name, FieldRange Value, CpFieldKind Kind, byte Separator)
{
    public bool IsScalar => Kind == CpFieldKind.Scalar;

    internal static CpFieldKind Classify(ReadOnlySpan<byte> suffix) => suffix.Length switch
    {
        2 when suffix.SequenceEqual("RS"u8) => CpFieldKind.RS,
        2 when suffix.SequenceEqual("RT"u8) => CpFieldKind.RT,
        2 when suffix.SequenceEqual("SN"u8) => CpFieldKind.SN,
        3 when suffix.SequenceEqual("Rtd"u8) => CpFieldKind.Rtd,
        3 when suffix.SequenceEqual("Min"u8) => CpFieldKind.Min,
        3 when suffix.SequenceEqual("Avg"u8) => CpFieldKind.Avg,
        3 when suffix.SequenceEqual("Max"u8) => CpFieldKind.Max,
        3 when suffix.SequenceEqual("Cou"u8) => CpFieldKind.Cou,
        4 when suffix.SequenceEqual("Flag"u8) => CpFieldKind.Flag,
        4 when suffix.SequenceEqual("Info"u8) => CpFieldKind.Info,
        4 when suffix.SequenceEqual("Data"u8) => CpFieldKind.Data,
        5 when suffix.SequenceEqual("EFlag"u8) => CpFieldKind.EFlag,
        5 when suffix.SequenceEqual("ZsRtd"u8) => CpFieldKind.ZsRtd,
        5 when suffix.SequenceEqual("ZsMin"u8) => CpFieldKind.ZsMin,
        5 when suffix.SequenceEqual("ZsAvg"u8) => CpFieldKind.ZsAvg,
        5 when suffix.SequenceEqual("ZsMax"u8) => CpFieldKind.ZsMax,
        7 when suffix.SequenceEqual("DayData"u8) => CpFieldKind.DayData,
        9 when suffix.SequenceEqual("NightData"u8) => CpFieldKind.NightData,
        10 when suffix.SequenceEqual("SampleTime"u8) => CpFieldKind.SampleTime,
        _ => CpFieldKind.Other,
    };

    internal static bool IsTimeScalar(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("DataTime"u8) || name.SequenceEqual("SystemTime"u8) || name.SequenceEqual("BeginTime"u8)
        || name.SequenceEqual("EndTime"u8) || name.SequenceEqual("RestartTime"u8);
}
