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
    public static string? To2017(ReadOnlySpan<byte> code, out bool was2005) =>
        To2017(Hj212Tokenizer.Pack(code, new FieldRange(0, Math.Min(code.Length, 8))), code.Length, out was2005);

    /// <summary><see cref="To2017(ReadOnlySpan{byte}, out bool)"/> for a code already packed by <see cref="Hj212Tokenizer.Pack"/>.</summary>
    internal static string? To2017(ulong packed, int length, out bool was2005)
    {
        was2005 = false;
        if (length is 0 or > 8)
        {
            return null;
        }
        var mask = CodeTable.Slots.Length - 1;
        for (var i = CodeTable.SlotOf(packed); ; i = (i + 1) & mask)
        {
            ref readonly var slot = ref CodeTable.Slots[i];
            if (slot.Row is null)
            {
                return null;
            }
            if (slot.Packed == packed && slot.Length == length)
            {
                was2005 = slot.Was2005;
                return slot.Row.Code2017;
            }
        }
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

    /// <summary>
    /// Both editions' codes in one open-addressed table keyed by the little-endian packed bytes the
    /// CP reader already has: one multiply and usually one probe per item, no hashing of a span.
    /// 2017 codes go in first, so a code that is in both tables reads as 2017 (as the dictionaries do).
    /// </summary>
    private static class CodeTable
    {
        private const int Bits = 10;
        public static readonly CodeSlot[] Slots = Build();

        public static int SlotOf(ulong packed) => (int)((packed * 0x9E3779B97F4A7C15) >> (64 - Bits));

        private static CodeSlot[] Build()
        {
            var slots = new CodeSlot[1 << Bits];
            foreach (var row in Rows)
            {
                Add(slots, row.Code2017u8(), row, was2005: false);
            }
            foreach (var row in Rows.Where(r => r.Code2005 is not null))
            {
                Add(slots, row.Code2005u8(), row, was2005: true);
            }
            return slots;
        }

        private static void Add(CodeSlot[] slots, byte[] code, PollutantCode row, bool was2005)
        {
            if (code.Length is 0 or > 8)
            {
                return;
            }
            var packed = Hj212Tokenizer.Pack(code, new FieldRange(0, code.Length));
            var i = SlotOf(packed);
            while (slots[i].Row is not null)
            {
                if (slots[i].Packed == packed && slots[i].Length == code.Length)
                {
                    return;
                }
                i = (i + 1) & (slots.Length - 1);
            }
            slots[i] = new CodeSlot(packed, code.Length, was2005, row);
        }
    }

    private readonly record struct CodeSlot(ulong Packed, int Length, bool Was2005, PollutantCode? Row);

    private static byte[] Code2017u8(this PollutantCode row) => System.Text.Encoding.ASCII.GetBytes(row.Code2017);

    private static byte[] Code2005u8(this PollutantCode row) => System.Text.Encoding.ASCII.GetBytes(row.Code2005!);
}
