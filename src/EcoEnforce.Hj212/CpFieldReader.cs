namespace EcoEnforce.Hj212;

/// <summary>
/// Walks the CP area one <c>key=value</c> at a time without allocating. <c>;</c> and <c>,</c> are
/// both accepted as separators (devices and even the standard mix them up); grouping into items
/// is by factor code, not by separator.
/// </summary>
public ref struct CpFieldReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _end;
    private Hj212Scanner _scanner;
    private int _pos;
    private byte _separator;
    private FieldRange _previousCode;

    public CpFieldReader(ReadOnlySpan<byte> data, FieldRange cp)
    {
        _data = data;
        _pos = cp.IsPresent ? cp.Start : 0;
        _end = cp.IsPresent ? cp.Start + cp.Length : 0;
        _scanner = new Hj212Scanner(data, _end);
        _previousCode = FieldRange.Absent;
    }

    /// <summary>Deviations seen so far in the CP area.</summary>
    public Hj212Deviations Deviations { get; private set; }

    internal readonly int Position => _pos;

    public bool TryRead(out CpField field)
    {
        var deviations = Deviations;
        while (_pos < _end)
        {
            var token = _scanner.Next(_pos);
            var separatorBefore = _separator;
            _separator = token.Separator;
            _pos = token.End + 1;
            if (token.Separator != 0 && _pos == _end)
            {
                deviations |= Hj212Deviations.TrailingSeparator;
            }
            if (token.Eq < 0)
            {
                deviations |= Hj212Tokenizer.IsBlank(_data, token) ? Hj212Deviations.EmptyField : Hj212Deviations.MalformedField;
                continue;
            }
            FieldRange key;
            FieldRange value;
            if (token.HasSpace)
            {
                // Rare: spaces around keys or values ("CP=&& PolId", "i12003-Info =0").
                key = Hj212Header.Trim(_data, token.Start, token.Eq, ref deviations);
                value = Hj212Header.Trim(_data, token.Eq + 1, token.End, ref deviations);
            }
            else
            {
                key = new FieldRange(token.Start, token.Eq - token.Start);
                value = new FieldRange(token.Eq + 1, token.End - token.Eq - 1);
            }
            field = Describe(key, token.Dash < 0 ? -1 : token.Dash - key.Start, value, separatorBefore, ref deviations);
            Deviations = deviations;
            return true;
        }
        Deviations = deviations;
        field = default;
        return false;
    }

    private CpField Describe(FieldRange key, int dash, FieldRange value, byte separatorBefore, ref Hj212Deviations deviations)
    {
        var keySpan = key.Of(_data);
        CpField field;
        if (dash < 0)
        {
            field = new CpField(FieldRange.Absent, key, value, CpFieldKind.Scalar, separatorBefore);
            if (CpField.IsTimeScalar(keySpan))
            {
                deviations |= TimeDeviation(value);
            }
            else if (CpField.Classify(keySpan) != CpFieldKind.Other)
            {
                // e.g. "Flag=N" that lost its "a34001-" prefix on the way.
                deviations |= Hj212Deviations.FieldWithoutCode;
            }
        }
        else
        {
            var code = new FieldRange(key.Start, dash);
            var name = new FieldRange(key.Start + dash + 1, key.Length - dash - 1);
            // Packed from the data rather than the sliced name, so the 8-byte read usually applies.
            var kind = name.Length <= 8 ? CpField.Classify(name.Length, Hj212Tokenizer.Pack(_data, name)) : CpField.Classify(name.Of(_data));
            if (kind == CpFieldKind.Other)
            {
                deviations |= Hj212Deviations.UnknownSuffix;
            }
            else if (kind == CpFieldKind.SampleTime)
            {
                deviations |= TimeDeviation(value);
            }
            field = new CpField(code, name, value, kind, separatorBefore);
        }
        if (separatorBefore == ',' && !SameCode(_previousCode, field.Code))
        {
            deviations |= Hj212Deviations.CommaBetweenItems;
        }
        _previousCode = field.Code;
        return field;
    }

    private readonly bool SameCode(FieldRange a, FieldRange b) =>
        a.IsPresent && b.IsPresent && a.Length == b.Length && (a.Length <= 8
            ? Hj212Tokenizer.Pack(_data, a) == Hj212Tokenizer.Pack(_data, b)
            : a.Of(_data).SequenceEqual(b.Of(_data)));

    private static Hj212Deviations TimeDeviation(FieldRange value) =>
        value.Length == 17 ? Hj212Deviations.TimeWithMilliseconds : Hj212Deviations.None;
}
