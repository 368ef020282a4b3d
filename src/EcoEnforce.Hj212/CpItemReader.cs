namespace EcoEnforce.Hj212;

/// <summary>
/// Groups consecutive CP fields with the same factor code into <see cref="CpItem"/>s; scalars
/// such as <c>DataTime</c> are skipped (read them with <see cref="CpFieldReader"/>).
/// </summary>
public ref struct CpItemReader
{
    private readonly ReadOnlySpan<byte> _data;
    private CpFieldReader _fields;
    private CpField _pending;
    private bool _hasPending;

    public CpItemReader(ReadOnlySpan<byte> data, FieldRange cp)
    {
        _data = data;
        _fields = new CpFieldReader(data, cp);
    }

    /// <summary>Deviations seen so far, including code mapping (2005 codes, vendor codes).</summary>
    public Hj212Deviations Deviations { get; private set; }

    public bool TryRead(out CpItem item)
    {
        CpField field;
        if (_hasPending)
        {
            field = _pending;
            _hasPending = false;
        }
        else if (!NextCoded(out field))
        {
            item = default;
            return false;
        }

        var codeSpan = field.Code.Of(_data);
        item = new CpItem(_data, field.Code, PollutantCodes.To2017(codeSpan, out var was2005), was2005);
        Deviations |= was2005 ? Hj212Deviations.Code2005
            : item.Code2017 is null && !LooksStandard(codeSpan) ? Hj212Deviations.NonstandardCode
            : Hj212Deviations.None;
        item.Add(field);
        while (NextCoded(out field))
        {
            if (!field.Code.Of(_data).SequenceEqual(codeSpan))
            {
                _pending = field;
                _hasPending = true;
                break;
            }
            item.Add(field);
        }
        return true;
    }

    private bool NextCoded(out CpField field)
    {
        while (_fields.TryRead(out field))
        {
            if (!field.IsScalar)
            {
                Deviations |= _fields.Deviations;
                return true;
            }
        }
        Deviations |= _fields.Deviations;
        return false;
    }

    // Codes the tables do not list but that follow the standard's shapes: process (e/g), site
    // information (i), equipment (SBx) and noise (L…) codes, and 2017-shaped a/w codes.
    private static bool LooksStandard(ReadOnlySpan<byte> code)
    {
        if (code.Length == 6 && code[0] is (byte)'a' or (byte)'w' or (byte)'e' or (byte)'g' or (byte)'i'
            && !code[1..].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return true;
        }
        return code.StartsWith("SB"u8) || (code.Length > 0 && code[0] == 'L');
    }
}
