using System.Runtime.CompilerServices;

namespace EcoEnforce.Hj212;

/// <summary>
/// One factor's fields (<c>w01018-Rtd=…,w01018-Flag=N</c>) as positions in the data segment.
/// A ref struct so a whole CP area can be decoded without allocating per reading.
/// </summary>
public ref struct CpItem
{
    private const int KindCount = (int)CpFieldKind.Scalar;
    private ReadOnlySpan<byte> _data;
    private Slots _slots;
    private uint _present;

    /// <summary>
    /// Sets every field but the slots, in place: building a new item and copying it (200-odd
    /// bytes) stalled on store forwarding. Slots are only read where <see cref="PresentKinds"/> says.
    /// </summary>
    internal void Begin(ReadOnlySpan<byte> data, FieldRange code, string? code2017, bool was2005)
    {
        _data = data;
        _present = 0;
        CodeRange = code;
        Code2017 = code2017;
        WasCode2005 = was2005;
        FieldCount = 0;
        OtherCount = 0;
    }

    public FieldRange CodeRange { get; private set; }

    /// <summary>The factor code as sent (2005, 2017 or a vendor's own).</summary>
    public readonly ReadOnlySpan<byte> Code => CodeRange.Of(_data);

    /// <summary>The 2017 code when the sent code is a 2017 code or a known 2005 one; else null.</summary>
    public string? Code2017 { get; private set; }

    public bool WasCode2005 { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>Fields whose suffix this library does not name (<c>-ValidNum</c>, <c>-Ia</c>…).</summary>
    public int OtherCount { get; private set; }

    /// <summary>Bit <c>1 &lt;&lt; (int)kind</c> is set for each kind present, to visit only what arrived.</summary>
    public readonly uint PresentKinds => _present;

    /// <summary>The kinds whose values are numbers (Rtd, Min, Avg, Max, Cou, Zs…, RT).</summary>
    public const uint NumericKinds =
        1u << (int)CpFieldKind.Rtd | 1u << (int)CpFieldKind.Min | 1u << (int)CpFieldKind.Avg | 1u << (int)CpFieldKind.Max
        | 1u << (int)CpFieldKind.Cou | 1u << (int)CpFieldKind.ZsRtd | 1u << (int)CpFieldKind.ZsMin
        | 1u << (int)CpFieldKind.ZsAvg | 1u << (int)CpFieldKind.ZsMax | 1u << (int)CpFieldKind.RT;

    public readonly bool Has(CpFieldKind kind) => (_present & (1u << (int)kind)) != 0;

    public readonly ReadOnlySpan<byte> Get(CpFieldKind kind) => Has(kind) ? _slots[(int)kind].Of(_data) : default;

    public readonly FieldRange RangeOf(CpFieldKind kind) => Has(kind) ? _slots[(int)kind] : FieldRange.Absent;

    public readonly bool TryGetDouble(CpFieldKind kind, out double value)
    {
        if (!Has(kind))
        {
            value = 0;
            return false;
        }
        return Hj212Number.TryParse(_data, _slots[(int)kind], out value);
    }

    /// <summary>The data flag (N, F, M, S, D, C, T, B…) as a byte, or 0 when absent.</summary>
    public readonly byte Flag
    {
        get
        {
            var flag = Get(CpFieldKind.Flag);
            return flag.Length > 0 ? flag[0] : (byte)0;
        }
    }

    internal void Add(CpFieldKind kind, FieldRange value)
    {
        FieldCount++;
        if (kind == CpFieldKind.Other)
        {
            OtherCount++;
            return;
        }
        var bit = 1u << (int)kind;
        if ((_present & bit) == 0)
        {
            _present |= bit;
            _slots[(int)kind] = value;
        }
    }

    [InlineArray(KindCount)]
    private struct Slots
    {
        private FieldRange _element;
    }
}
