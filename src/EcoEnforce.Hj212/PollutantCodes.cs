using System.Collections.Frozen;

namespace EcoEnforce.Hj212;

public enum PollutantMedium
{
    Water,
    Air,
}

/// <summary>One row of HJ 212-2017 Appendix B (tables B.1 water, B.2 air).</summary>
public sealed record PollutantCode(
    string Code2017,
    string NameZh,
    string? Code2005,
    string UnitConcentration,
    string UnitEmission,
    string DataType,
    PollutantMedium Medium);

/// <summary>
/// Code lookups keyed by the code's ASCII bytes packed into a ulong, so the hot path can map a
/// span from the wire without building a string.
/// </summary>
public static partial class PollutantCodes
{
    public static IReadOnlyList<PollutantCode> All => Rows;

    public static bool TryGet2017(ReadOnlySpan<byte> code, out PollutantCode row) =>
        TryLookup(Index.By2017, code, out row);

    /// <summary>Maps an HJ/T 212-2005 code (e.g. <c>011</c>, <c>B02</c>) to its 2017 row.</summary>
    public static bool TryGet2005(ReadOnlySpan<byte> code, out PollutantCode row) =>
        TryLookup(Index.By2005, code, out row);

    public static bool TryGet2017(string code, out PollutantCode row) =>
        TryGet2017(System.Text.Encoding.ASCII.GetBytes(code), out row);

    public static bool TryGet2005(string code, out PollutantCode row) =>
        TryGet2005(System.Text.Encoding.ASCII.GetBytes(code), out row);

    /// <summary>The 2017 code for a wire code: itself when it is a 2017 code, the mapped code for a 2005 one, else null.</summary>
    public static string? To2017(ReadOnlySpan<byte> code, out bool was2005)
    {
        was2005 = false;
        if (TryGet2017(code, out var row))
        {
            return row.Code2017;
        }
        if (TryGet2005(code, out row))
        {
            was2005 = true;
            return row.Code2017;
        }
        return null;
    }

    private static bool TryLookup(FrozenDictionary<ulong, PollutantCode> map, ReadOnlySpan<byte> code, out PollutantCode row)
    {
        if (code.Length is 0 or > 8)
        {
            row = null!;
            return false;
        }
        return map.TryGetValue(Pack(code), out row!);
    }

    private static ulong Pack(ReadOnlySpan<byte> code)
    {
        ulong key = 0;
        foreach (var b in code)
        {
            key = (key << 8) | b;
        }
        return key;
    }

    // Separate class: static initialisers in partial files run in no defined order, and Rows lives in the generated file.
    private static class Index
    {
        public static readonly FrozenDictionary<ulong, PollutantCode> By2017 =
            Rows.ToFrozenDictionary(r => Pack(r.Code2017u8()));

        public static readonly FrozenDictionary<ulong, PollutantCode> By2005 =
            Rows.Where(r => r.Code2005 is not null).ToFrozenDictionary(r => Pack(r.Code2005u8()));
    }

    private static byte[] Code2017u8(this PollutantCode row) => System.Text.Encoding.ASCII.GetBytes(row.Code2017);

    private static byte[] Code2005u8(this PollutantCode row) => System.Text.Encoding.ASCII.GetBytes(row.Code2005!);
}
