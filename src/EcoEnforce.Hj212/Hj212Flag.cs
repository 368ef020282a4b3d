namespace EcoEnforce.Hj212;

/// <summary>The edition a packet claims through its Flag version bits (V5..V0).</summary>
public enum Hj212Edition
{
    /// <summary>HJ/T 212-2005: version bits 000000, or no Flag at all.</summary>
    Hj2005,
    Hj2017,
    /// <summary>
    /// Version bits 000010. caoyiliang/HJ212 uses it for HJ 212-2025; a surface-water profile uses it
    /// too (ST=21), so callers that care decide by ST and configuration.
    /// </summary>
    Hj2025,
    Unknown,
}

/// <summary>The Flag field: bits <c>V5 V4 V3 V2 V1 V0 D A</c>.</summary>
public readonly record struct Hj212Flag(int Value)
{
    /// <summary>A: the receiver must answer.</summary>
    public bool NeedsReply => (Value & 1) != 0;

    /// <summary>D: the packet is one part of a split message and carries PNUM/PNO.</summary>
    public bool IsSplit => (Value & 2) != 0;

    public int VersionBits => (Value >> 2) & 0x3F;

    public Hj212Edition Edition => VersionBits switch
    {
        0 => Hj212Edition.Hj2005,
        1 => Hj212Edition.Hj2017,
        2 => Hj212Edition.Hj2025,
        _ => Hj212Edition.Unknown,
    };

    public static int VersionBitsOf(Hj212Edition edition) => edition switch
    {
        Hj212Edition.Hj2005 => 0,
        Hj212Edition.Hj2025 => 2,
        _ => 1,
    };

    /// <summary>The Flag value for <paramref name="edition"/> with the given A and D bits.</summary>
    public static int For(Hj212Edition edition, bool needsReply, bool split = false) =>
        (VersionBitsOf(edition) << 2) | (split ? 2 : 0) | (needsReply ? 1 : 0);
}
