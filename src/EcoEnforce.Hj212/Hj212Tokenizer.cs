using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EcoEnforce.Hj212;

/// <summary>One <c>key=value</c> token: where it ends and where its <c>=</c> and first <c>-</c> are.</summary>
internal readonly record struct Hj212Token(int Start, int End, int Eq, int Dash, byte Separator, bool HasSpace);

/// <summary>
/// The single scan behind header and CP parsing: one pass per token (16-byte blocks and bit
/// masks, a byte-class table for the tail) instead of separate searches for the separator, the
/// <c>=</c> and the <c>-</c>.
/// </summary>
internal static class Hj212Tokenizer
{
    private const byte Plain = 0;
    private const byte Special = 1;

    private static readonly byte[] Classes = BuildClasses();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Hj212Token Next(ReadOnlySpan<byte> data, int pos, int end)
    {
        ref var bytes = ref MemoryMarshal.GetReference(data);
        var start = pos;
        var state = new State(pos);
        if (Vector128.IsHardwareAccelerated)
        {
            // Fields are ~15 bytes, so one 16-byte block usually holds the whole token: find the
            // separator, '=', '-' and spaces with bit masks instead of visiting bytes.
            int eq = -1, dash = -1;
            var hasSpace = false;
            for (; pos < end && pos + Vector128<byte>.Count <= data.Length; pos += Vector128<byte>.Count)
            {
                var v = Vector128.LoadUnsafe(ref bytes, (nuint)pos);
                var sep = (Vector128.Equals(v, Vector128.Create((byte)';')) | Vector128.Equals(v, Vector128.Create((byte)','))).ExtractMostSignificantBits();
                var eqs = Vector128.Equals(v, Vector128.Create((byte)'=')).ExtractMostSignificantBits();
                var dashes = Vector128.Equals(v, Vector128.Create((byte)'-')).ExtractMostSignificantBits();
                var spaces = (Vector128.Equals(v, Vector128.Create((byte)' ')) | Vector128.Equals(v, Vector128.Create((byte)'\t'))).ExtractMostSignificantBits();
                var valid = end - pos >= Vector128<byte>.Count ? 0xFFFFu : (1u << (end - pos)) - 1;
                sep &= valid;
                var stop = sep != 0 ? BitOperations.TrailingZeroCount(sep) : Vector128<byte>.Count;
                var before = ((1u << stop) - 1) & valid;
                eqs &= before;
                dashes &= before;
                if (eq < 0 && eqs != 0)
                {
                    eq = pos + BitOperations.TrailingZeroCount(eqs);
                }
                if (dash < 0 && dashes != 0)
                {
                    var at = pos + BitOperations.TrailingZeroCount(dashes);
                    // Only a '-' in the key splits code and suffix; one in the value is a sign.
                    dash = eq < 0 || at < eq ? at : int.MaxValue;
                }
                hasSpace |= (spaces & before) != 0;
                if (sep != 0)
                {
                    return new Hj212Token(start, pos + stop, eq, dash == int.MaxValue ? -1 : dash, Unsafe.Add(ref bytes, pos + stop), hasSpace);
                }
            }
            if (pos >= end)
            {
                return new Hj212Token(start, end, eq, dash == int.MaxValue ? -1 : dash, 0, hasSpace);
            }
            state = new State(start, eq, dash == int.MaxValue ? -1 : dash, hasSpace, dash == int.MaxValue);
        }
        ref var classes = ref MemoryMarshal.GetArrayDataReference(Classes);
        // Callers guarantee end <= data.Length; the unchecked reads keep this loop to one load per byte.
        for (; pos < end; pos++)
        {
            var b = Unsafe.Add(ref bytes, pos);
            if (Unsafe.Add(ref classes, b) != Plain && state.Visit(b, pos))
            {
                return state.Token(pos);
            }
        }
        return state.Token(end);
    }

    private struct State(int start, int eq = -1, int dash = -1, bool hasSpace = false, bool dashClosed = false)
    {
        private int _eq = eq;
        private int _dash = dash;
        private bool _hasSpace = hasSpace;
        private bool _dashClosed = dashClosed;
        private byte _separator;

        /// <summary>Records a special byte; true when it ends the token.</summary>
        public bool Visit(byte b, int at)
        {
            switch (b)
            {
                case (byte)';' or (byte)',':
                    _separator = b;
                    return true;
                case (byte)'=':
                    if (_eq < 0)
                    {
                        _eq = at;
                    }
                    return false;
                case (byte)'-':
                    if (_eq < 0 && _dash < 0 && !_dashClosed)
                    {
                        _dash = at;
                    }
                    return false;
                default:
                    _hasSpace = true;
                    return false;
            }
        }

        public readonly Hj212Token Token(int end) => new(start, end, _eq, _dash, _separator, _hasSpace);
    }

    /// <summary>
    /// Up to 8 bytes of <paramref name="range"/> as one little-endian number, so short names and
    /// codes compare with one integer comparison instead of a span comparison.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(ReadOnlySpan<byte> data, FieldRange range)
    {
        if (range.Start + 8 <= data.Length)
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(data[range.Start..]);
            return range.Length >= 8 ? word : word & ((1UL << (range.Length * 8)) - 1);
        }
        ulong packed = 0;
        var span = data.Slice(range.Start, Math.Min(range.Length, 8));
        for (var i = span.Length - 1; i >= 0; i--)
        {
            packed = (packed << 8) | span[i];
        }
        return packed;
    }

    public static bool IsBlank(ReadOnlySpan<byte> data, Hj212Token token) =>
        data[token.Start..token.End].Trim(" \t"u8).IsEmpty;

    private static byte[] BuildClasses()
    {
        var classes = new byte[256];
        foreach (var b in ";,=- \t"u8)
        {
            classes[b] = Special;
        }
        return classes;
    }
}
