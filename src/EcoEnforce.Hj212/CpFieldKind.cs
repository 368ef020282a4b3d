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

    // The suffix's bytes packed little-endian hash (one multiply, top five bits) into a table in
    // which the short names do not collide: one load and one compare, no branching on the length
    // (which varies field to field, Avg/Flag/ZsAvg, and so would be mispredicted).
    internal static CpFieldKind Classify(int length, ulong packed)
    {
        var slot = NameSlots[(int)((packed * NameHash) >> (64 - NameHashBits))];
        return slot.Packed == packed && slot.Length == length ? slot.Kind : CpFieldKind.Other;
    }

    private const ulong NameHash = 0x8265C9789BE629DB;
    private const int NameHashBits = 5;

    private static readonly (string Name, CpFieldKind Kind)[] ShortNames =
    [
        ("RS", CpFieldKind.RS), ("RT", CpFieldKind.RT), ("SN", CpFieldKind.SN),
        ("Rtd", CpFieldKind.Rtd), ("Min", CpFieldKind.Min), ("Avg", CpFieldKind.Avg), ("Max", CpFieldKind.Max), ("Cou", CpFieldKind.Cou),
        ("Flag", CpFieldKind.Flag), ("Info", CpFieldKind.Info), ("Data", CpFieldKind.Data),
        ("EFlag", CpFieldKind.EFlag), ("ZsRtd", CpFieldKind.ZsRtd), ("ZsMin", CpFieldKind.ZsMin), ("ZsAvg", CpFieldKind.ZsAvg), ("ZsMax", CpFieldKind.ZsMax),
        ("DayData", CpFieldKind.DayData),
    ];

    private static readonly NameSlot[] NameSlots = BuildNameSlots();

    private readonly record struct NameSlot(ulong Packed, int Length, CpFieldKind Kind);

    private static NameSlot[] BuildNameSlots()
    {
        var slots = new NameSlot[1 << NameHashBits];
        foreach (var (name, kind) in ShortNames)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes(name);
            var packed = Hj212Tokenizer.Pack(bytes, new FieldRange(0, bytes.Length));
            var index = (int)((packed * NameHash) >> (64 - NameHashBits));
            if (slots[index].Length != 0)
            {
                throw new InvalidOperationException($"Suffix hash collision: {name}");
            }
            slots[index] = new NameSlot(packed, bytes.Length, kind);
        }
        return slots;
    }

    internal static bool IsTimeScalar(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("DataTime"u8) || name.SequenceEqual("SystemTime"u8) || name.SequenceEqual("BeginTime"u8)
        || name.SequenceEqual("EndTime"u8) || name.SequenceEqual("RestartTime"u8);
}
