namespace EcoEnforce.Hj212;

/// <summary>
/// Everything a packet does that the standard does not allow. Devices are recorded, never
/// rejected: for enforcement the raw bytes are evidence, and these flags say how they depart.
/// </summary>
[Flags]
#pragma warning disable CA1028 // 64 flags do not fit in Int32.
public enum Hj212Deviations : ulong
#pragma warning restore CA1028
{
    None = 0,

    // Frame faults: the packet is invalid (see Hj212Verdicts.Errors).
    NoHeader = 1UL << 0,
    LengthFieldInvalid = 1UL << 1,
    LengthMismatch = 1UL << 2,
    Oversize = 1UL << 3,
    Truncated = 1UL << 4,
    CrcMissing = 1UL << 5,
    CrcMismatch = 1UL << 6,
    CrcNonstandard = 1UL << 7,
    CrcNotPadded = 1UL << 8,

    // Frame leniencies: accepted, but worth recording.
    CrcLowercase = 1UL << 9,
    LfOnlyTerminator = 1UL << 10,
    CrOnlyTerminator = 1UL << 11,
    NoTerminator = 1UL << 12,
    LengthCountsCharacters = 1UL << 13,

    // Header fields (notes).
    QnMissing = 1UL << 16,
    QnEmpty = 1UL << 17,
    QnMalformed = 1UL << 18,
    FlagMissing = 1UL << 19,
    FlagMalformed = 1UL << 20,
    FieldOrder = 1UL << 21,
    CommaInHeader = 1UL << 22,
    NoSeparatorBeforeCp = 1UL << 23,
    Whitespace = 1UL << 24,
    PnumWithoutDBit = 1UL << 25,
    DBitWithoutPnum = 1UL << 26,
    DuplicateField = 1UL << 27,
    UnknownHeaderField = 1UL << 28,
    MalformedField = 1UL << 29,
    StNonstandard = 1UL << 30,
    MnNonstandard = 1UL << 31,
    CnMissing = 1UL << 32,
    CnMalformed = 1UL << 33,

    // CP area (notes).
    CpMissing = 1UL << 40,
    CpNotClosed = 1UL << 41,
    TrailingSeparator = 1UL << 42,
    EmptyField = 1UL << 43,
    TimeWithMilliseconds = 1UL << 44,
    CommaBetweenItems = 1UL << 45,
    FieldWithoutCode = 1UL << 46,
    Code2005 = 1UL << 47,
    NonstandardCode = 1UL << 48,
    UnknownSuffix = 1UL << 49,
    NonAscii = 1UL << 50,
    TextNotUtf8 = 1UL << 51,
    CpTooLong = 1UL << 52,
    PnoOutOfRange = 1UL << 53,
}
