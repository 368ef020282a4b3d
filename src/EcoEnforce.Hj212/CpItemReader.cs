using System.Runtime.CompilerServices;

namespace EcoEnforce.Hj212;

/// <summary>
/// Groups consecutive CP fields with the same factor code into <see cref="CpItem"/>s; scalars
/// such as <c>DataTime</c> are skipped (read them with <see cref="CpFieldReader"/>).
/// </summary>
/// <remarks>
/// This is the hot path, so it drives the scanner itself rather than going through
/// <see cref="CpFieldReader"/>: a few bit operations and one code comparison per field.
/// </remarks>
public ref struct CpItemReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _end;
    private Hj212Scanner _scanner;
    private int _pos;
    private byte _separator;

    public CpItemReader(ReadOnlySpan<byte> data, FieldRange cp)
    {
        _data = data;
        _pos = cp.IsPresent ? cp.Start : 0;
        _end = cp.IsPresent ? cp.Start + cp.Length : 0;
        _scanner = new Hj212Scanner(data, _end);
    }

    /// <summary>Deviations seen so far, including code mapping (2005 codes, vendor codes).</summary>
    public Hj212Deviations Deviations { get; private set; }

    public bool TryRead(out CpItem item)
    {
        // State lives in locals for the loop (the JIT keeps them in registers) and is stored once.
        var deviations = Deviations;
        var pos = _pos;
        var separator = _separator;
        var started = false;
        var code = FieldRange.Absent;
        ulong codeKey = 0;
        // No zeroing of the 20 slots per item: Begin sets the rest, and an item that never begins is
        // reset below. The caller's variable always holds a valid item, so nothing stale is a GC hazard.
        Unsafe.SkipInit(out item);
        while (pos < _end)
        {
            var token = _scanner.Next(pos);
            if (token.Eq < 0 || token.Dash < 0)
            {
                // Scalars (DataTime…) and malformed fields do not end an item.
                Consume(token, ref pos, ref separator, ref deviations);
                if (token.Eq < 0)
                {
                    deviations |= Hj212Tokenizer.IsBlank(_data, token) ? Hj212Deviations.EmptyField : Hj212Deviations.MalformedField;
                }
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
                var key = Hj212Header.Trim(_data, token.Start, token.Eq, ref deviations);
                value = Hj212Header.Trim(_data, token.Eq + 1, token.End, ref deviations);
                fieldCode = new FieldRange(key.Start, token.Dash - key.Start);
                name = new FieldRange(token.Dash + 1, key.Start + key.Length - token.Dash - 1);
            }
            var fieldKey = fieldCode.Length <= 8 ? Hj212Tokenizer.Pack(_data, fieldCode) : 0;
            if (started && !(code.Length == fieldCode.Length && codeKey == fieldKey
                && (code.Length <= 8 || code.Of(_data).SequenceEqual(fieldCode.Of(_data)))))
            {
                // Another factor's field: leave it unread; the next call starts with it.
                if (separator == ',')
                {
                    deviations |= Hj212Deviations.CommaBetweenItems;
                }
                break;
            }
            Consume(token, ref pos, ref separator, ref deviations);
            if (!started)
            {
                var codeSpan = fieldCode.Of(_data);
                var code2017 = PollutantCodes.To2017(fieldKey, fieldCode.Length, out var was2005);
                deviations |= was2005 ? Hj212Deviations.Code2005
                    : code2017 is null && !LooksStandard(codeSpan) ? Hj212Deviations.NonstandardCode
                    : Hj212Deviations.None;
                item.Begin(_data, fieldCode, code2017, was2005);
                code = fieldCode;
                codeKey = fieldKey;
                started = true;
            }
            var kind = name.Length <= 8 ? CpField.Classify(name.Length, Hj212Tokenizer.Pack(_data, name)) : CpField.Classify(name.Of(_data));
            if (kind == CpFieldKind.Other)
            {
                deviations |= Hj212Deviations.UnknownSuffix;
            }
            else if (kind == CpFieldKind.SampleTime && value.Length == 17)
            {
                deviations |= Hj212Deviations.TimeWithMilliseconds;
            }
            item.Add(kind, value);
        }
        if (!started)
        {
            item = default;
        }
        _pos = pos;
        _separator = separator;
        Deviations = deviations;
        return started;
    }

    private readonly void Consume(Hj212Token token, ref int pos, ref byte separator, ref Hj212Deviations deviations)
    {
        separator = token.Separator;
        pos = token.End + 1;
        if (token.Separator != 0 && pos == _end)
        {
            deviations |= Hj212Deviations.TrailingSeparator;
        }
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
