namespace EcoEnforce.Hj212;

/// <summary>A field's position inside the data segment; <see cref="Start"/> is -1 when the field is absent.</summary>
public readonly record struct FieldRange(int Start, int Length)
{
    public static readonly FieldRange Absent = new(-1, 0);

    public bool IsPresent => Start >= 0;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> data) => Start < 0 ? default : data.Slice(Start, Length);

    public string? ToString(ReadOnlySpan<byte> data) => Start < 0 ? null : Hj212Text.Decode(data.Slice(Start, Length), out _);
}
