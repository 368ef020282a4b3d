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
    private int _pos;
    private byte _separator;
    private FieldRange _previousCode;

    public CpFieldReader(ReadOnlySpan<byte> data, FieldRange cp)
    {
        _data = data;
        _pos = cp.IsPresent ? cp.Start : 0;
        _end = cp.IsPresent ? cp.Start + cp.Length : 0;
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
            var next = _data[_pos.._end].IndexOfAny((byte)';', (byte)',');
            var tokenEnd = next < 0 ? _end : _pos + next;
            var separatorBefore = _separator;
            _separator = next < 0 ? (byte)0 : _data[tokenEnd];
            if (next >= 0 && tokenEnd + 1 == _end)
            {
                deviations |= Hj212Deviations.TrailingSeparator;
            }
            var token = Hj212Header.Trim(_data, _pos, tokenEnd, ref deviations);
            _pos = tokenEnd + 1;
            if (token.Length == 0)
            {
                deviations |= Hj212Deviations.EmptyField;
                continue;
            }
            var tokenSpan = _data.Slice(token.Start, token.Length);
            var eq = tokenSpan.IndexOf((byte)'=');
            if (eq < 0)
            {
                deviations |= Hj212Deviations.MalformedField;
                continue;
            }
            var key = Hj212Header.Trim(_data, token.Start, token.Start + eq, ref deviations);
            var value = Hj212Header.Trim(_data, token.Start + eq + 1, token.Start + token.Length, ref deviations);
            field = Describe(key, value, separatorBefore, ref deviations);
            Deviations = deviations;
            return true;
        }
        Deviations = deviations;
        field = default;
        return false;
    }

    private CpField Describe(FieldRange key, FieldRange value, byte separatorBefore, ref Hj212Deviations deviations)
    {
        var keySpan = key.Of(_data);
        var dash = keySpan.IndexOf((byte)'-');
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
            var kind = CpField.Classify(name.Of(_data));
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
        a.IsPresent && b.IsPresent && a.Of(_data).SequenceEqual(b.Of(_data));

    private static Hj212Deviations TimeDeviation(FieldRange value) =>
        value.Length == 17 ? Hj212Deviations.TimeWithMilliseconds : Hj212Deviations.None;
}
