namespace EcoEnforce.Hj212;

/// <summary>One factor's values in a packet, as objects (see <see cref="CpItem"/> for the allocation-free form).</summary>
public sealed class Hj212Item
{
    public Hj212Item(string code, string? code2017, IReadOnlyDictionary<string, string> fields)
    {
        Code = code;
        Code2017 = code2017;
        Fields = fields;
    }

    /// <summary>The factor code as sent.</summary>
    public string Code { get; }

    /// <summary>The 2017 code (mapped from 2005 when needed), or null for codes outside tables B.1/B.2.</summary>
    public string? Code2017 { get; }

    /// <summary>Suffix → raw value text, e.g. <c>Rtd</c> → <c>36.91</c>, in arrival order.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    public string? this[string suffix] => Fields.TryGetValue(suffix, out var v) ? v : null;

    public double? Rtd => Number("Rtd");

    public double? Min => Number("Min");

    public double? Avg => Number("Avg");

    public double? Max => Number("Max");

    public double? Cou => Number("Cou");

    public double? ZsRtd => Number("ZsRtd");

    public string? Flag => this["Flag"];

    public string? Info => this["Info"] is { } info ? Hj212Text.StripLogDelimiters(info) : null;

    public double? Number(string suffix) =>
        this[suffix] is { } text && Hj212Number.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var v) ? v : null;
}

/// <summary>A recorded deviation with what was seen, for the evidence record.</summary>
public sealed record Hj212Note(Hj212Deviations Deviation, string Detail)
{
    public string Code => Hj212Verdicts.Code(Deviation);

    public override string ToString() => $"{Code}: {Detail}";
}
