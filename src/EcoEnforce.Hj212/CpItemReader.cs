namespace EcoEnforce.Hj212;

/// <summary>
/// Groups consecutive CP fields with the same factor code into <see cref="CpItem"/>s; scalars
/// such as <c>DataTime</c> are skipped (read them with <see cref="CpFieldReader"/>).
/// </summary>
/// <remarks>
/// This is the hot path, so it drives the tokenizer itself rather than going through
/// <see cref="CpFieldReader"/>: one scan per field and one code comparison per field.
/// </remarks>
public ref struct CpItemReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _end;
    private int _pos;
    private byte _separator;
    private Hj212Token _peeked;
    private bool _hasPeeked;

    public CpItemReader(ReadOnlySpan<byte> data, FieldRange cp)
    {
        _data = data;
        _pos = cp.IsPresent ? cp.Start : 0;
        _end = cp.IsPresent ? cp.Start + cp.Length : 0;
    }

    /// <summary>Deviations seen so far, including code mapping (2005 codes, vendor codes).</summary>
    public Hj212Deviations Deviations { get; private set; }

    public bool TryRead(out CpItem item)
    {
        item = default;
        var started = false;
        var code = FieldRange.Absent;
        while (_hasPeeked || _pos < _end)
        {
            var token = _hasPeeked ? _peeked : Hj212Tokenizer.Next(_data, _pos, _end);
            _hasPeeked = false;
            if (token.Eq < 0 || token.Dash < 0)
            {
                Consume(token);
                continue;
            }
            FieldRange fieldCode;
            FieldRange name;
            FieldRange value;
            if (!token.HasSpace)
            {
                fieldCode = new FieldRange(token.Start, token.Dash - token.Start);
                name = new FieldRange(token.Dash + 1, token.Eq - token.Dash - 1);
                value = new FieldRange(token.Eq + 1, token.End - token.Eq - 1);
            }
            else
            {
                // Rare: spaces around keys or values ("CP=&& PolId", "i12003-Info =0").
                var deviations = Deviations;
                var key = Hj212Header.Trim(_data, token.Start, token.Eq, ref deviations);
                value = Hj212Header.Trim(_data, token.Eq + 1, token.End, ref deviations);
                Deviations = deviations;
                fieldCode = new FieldRange(key.Start, token.Dash - key.Start);
                name = new FieldRange(token.Dash + 1, key.Start + key.Length - token.Dash - 1);
            }
            if (started && !SameCode(code, fieldCode))
            {
                if (_separator == ',')
                {
                    Deviations |= Hj212Deviations.CommaBetweenItems;
                }
                _peeked = token;
                _hasPeeked = true;
                break;
            }
            Consume(token);
            if (!started)
            {
                var codeSpan = fieldCode.Of(_data);
                var code2017 = PollutantCodes.To2017(codeSpan, out var was2005);
                Deviations |= was2005 ? Hj212Deviations.Code2005
                    : code2017 is null && !LooksStandard(codeSpan) ? Hj212Deviations.NonstandardCode
                    : Hj212Deviations.None;
                item = new CpItem(_data, fieldCode, code2017, was2005);
                code = fieldCode;
                started = true;
            }
            var kind = name.Length <= 8 ? CpField.Classify(name.Length, Hj212Tokenizer.Pack(_data, name)) : CpField.Classify(name.Of(_data));
            if (kind == CpFieldKind.Other)
            {
                Deviations |= Hj212Deviations.UnknownSuffix;
            }
            else if (kind == CpFieldKind.SampleTime && value.Length == 17)
            {
                Deviations |= Hj212Deviations.TimeWithMilliseconds;
            }
            item.Add(kind, value);
        }
        return started;
    }

    private void Consume(Hj212Token token)
    {
        _separator = token.Separator;
        _pos = token.End + 1;
        if (token.Separator != 0 && _pos == _end)
        {
            Deviations |= Hj212Deviations.TrailingSeparator;
        }
        if (token.Eq < 0)
        {
            Deviations |= Hj212Tokenizer.IsBlank(_data, token) ? Hj212Deviations.EmptyField : Hj212Deviations.MalformedField;
        }
    }

    private readonly bool SameCode(FieldRange a, FieldRange b) =>
        a.Length == b.Length && (a.Length <= 8
            ? Hj212Tokenizer.Pack(_data, a) == Hj212Tokenizer.Pack(_data, b)
            : a.Of(_data).SequenceEqual(b.Of(_data)));

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
