using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EcoEnforce.Hj212;

/// <summary>One <c>key=value</c> token: where it ends and where its <c>=</c> and first <c>-</c> are.</summary>
internal readonly record struct Hj212Token(int Start, int End, int Eq, int Dash, byte Separator, bool HasSpace);

/// <summary>
/// The single scan behind header and CP parsing: one pass per token with a byte-class table,
/// instead of a separate search for the separator, the <c>=</c> and the <c>-</c>.
/// </summary>
internal static class Hj212Tokenizer
{
    private const byte Plain = 0;
    private const byte Separator = 1;
    private const byte EqualsSign = 2;
    private const byte Dash = 3;
    private const byte Space = 4;

    private static readonly byte[] Classes = BuildClasses();

    public static Hj212Token Next(ReadOnlySpan<byte> data, int pos, int end)
    {
        ref var classes = ref MemoryMarshal.GetArrayDataReference(Classes);
        ref var bytes = ref MemoryMarshal.GetReference(data);
        var start = pos;
        var eq = -1;
        var dash = -1;
        var hasSpace = false;
        byte separator = 0;
        // Callers guarantee end <= data.Length; the unchecked reads keep this loop to one load per byte.
        for (; pos < end; pos++)
        {
            var b = Unsafe.Add(ref bytes, pos);
            var c = Unsafe.Add(ref classes, b);
            if (c == Plain)
            {
                continue;
            }
            if (c == Separator)
            {
                separator = b;
                break;
            }
            if (c == EqualsSign)
            {
                if (eq < 0)
                {
                    eq = pos;
                }
            }
            else if (c == Dash)
            {
                if (eq < 0 && dash < 0)
                {
                    dash = pos;
                }
            }
            else
            {
                hasSpace = true;
            }
        }
        return new Hj212Token(start, pos, eq, dash, separator, hasSpace);
    }

    public static bool IsBlank(ReadOnlySpan<byte> data, Hj212Token token) =>
        data[token.Start..token.End].Trim(" \t"u8).IsEmpty;

    private static byte[] BuildClasses()
    {
        var classes = new byte[256];
        classes[';'] = Separator;
        classes[','] = Separator;
        classes['='] = EqualsSign;
        classes['-'] = Dash;
        classes[' '] = Space;
        classes['\t'] = Space;
        return classes;
    }
}
