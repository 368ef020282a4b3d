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

    internal static CpFieldKind Classify(ReadOnlySpan<byte> suffix) =>
        suffix.Length <= 8 ? Classify(suffix.Length, Hj212Tokenizer.Pack(suffix, new FieldRange(0, suffix.Length)))
        : suffix.SequenceEqual("NightData"u8) ? CpFieldKind.NightData
        : suffix.SequenceEqual("SampleTime"u8) ? CpFieldKind.SampleTime
        : CpFieldKind.Other;

    // The suffix's bytes packed little-endian: one integer switch instead of a chain of span comparisons.
    internal static CpFieldKind Classify(int length, ulong packed) => length switch
    {
        2 => packed switch
        {
            'R' | 'S' << 8 => CpFieldKind.RS,
            'R' | 'T' << 8 => CpFieldKind.RT,
            'S' | 'N' << 8 => CpFieldKind.SN,
            _ => CpFieldKind.Other,
        },
        3 => packed switch
        {
            'R' | 't' << 8 | 'd' << 16 => CpFieldKind.Rtd,
            'M' | 'i' << 8 | 'n' << 16 => CpFieldKind.Min,
            'A' | 'v' << 8 | 'g' << 16 => CpFieldKind.Avg,
            'M' | 'a' << 8 | 'x' << 16 => CpFieldKind.Max,
            'C' | 'o' << 8 | 'u' << 16 => CpFieldKind.Cou,
            _ => CpFieldKind.Other,
        },
        4 => packed switch
        {
            'F' | 'l' << 8 | 'a' << 16 | (ulong)'g' << 24 => CpFieldKind.Flag,
            'I' | 'n' << 8 | 'f' << 16 | (ulong)'o' << 24 => CpFieldKind.Info,
            'D' | 'a' << 8 | 't' << 16 | (ulong)'a' << 24 => CpFieldKind.Data,
            _ => CpFieldKind.Other,
        },
        5 => packed switch
        {
            'E' | 'F' << 8 | 'l' << 16 | (ulong)'a' << 24 | (ulong)'g' << 32 => CpFieldKind.EFlag,
            'Z' | 's' << 8 | 'R' << 16 | (ulong)'t' << 24 | (ulong)'d' << 32 => CpFieldKind.ZsRtd,
            'Z' | 's' << 8 | 'M' << 16 | (ulong)'i' << 24 | (ulong)'n' << 32 => CpFieldKind.ZsMin,
            'Z' | 's' << 8 | 'A' << 16 | (ulong)'v' << 24 | (ulong)'g' << 32 => CpFieldKind.ZsAvg,
            'Z' | 's' << 8 | 'M' << 16 | (ulong)'a' << 24 | (ulong)'x' << 32 => CpFieldKind.ZsMax,
            _ => CpFieldKind.Other,
        },
        7 => packed == ('D' | 'a' << 8 | 'y' << 16 | (ulong)'D' << 24 | (ulong)'a' << 32 | (ulong)'t' << 40 | (ulong)'a' << 48)
            ? CpFieldKind.DayData : CpFieldKind.Other,
        _ => CpFieldKind.Other,
    };

    internal static bool IsTimeScalar(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("DataTime"u8) || name.SequenceEqual("SystemTime"u8) || name.SequenceEqual("BeginTime"u8)
        || name.SequenceEqual("EndTime"u8) || name.SequenceEqual("RestartTime"u8);
}
