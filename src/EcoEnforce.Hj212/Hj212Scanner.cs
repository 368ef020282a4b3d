using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EcoEnforce.Hj212;

/// <summary>
/// Cuts a region into the same tokens as <see cref="Hj212Tokenizer.Next"/>, but classifies the
/// bytes 64 at a time into bit masks (separators, <c>=</c>, <c>-</c>, spaces) and keeps the block:
/// fields are ~17 bytes, so three or four tokens come out of one block with a few bit operations
/// each instead of each token scanning its own bytes.
/// </summary>
internal ref struct Hj212Scanner
{
    private const int Block = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _end;
    private int _base;
    private ulong _separators;
    private ulong _equals;
    private ulong _dashes;
    private ulong _spaces;

    /// <summary>Tokens of <c>data[..end]</c>; callers guarantee <c>end &lt;= data.Length</c>.</summary>
    public Hj212Scanner(ReadOnlySpan<byte> data, int end)
    {
        _data = data;
        _end = end;
        // No block yet: any position is outside [_base, _base + 64).
        _base = int.MinValue / 2;
    }

    /// <summary>The token starting at <paramref name="pos"/> (which must be below the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Hj212Token Next(int pos)
    {
        if ((uint)(pos - _base) >= Block)
        {
            Load(pos);
        }
        var offset = pos - _base;
        var separators = _separators >> offset;
        if (separators == 0 && _base + Block < _end)
        {
            // The token runs past this block: move the block to start at the token.
            if (offset != 0)
            {
                Load(pos);
                offset = pos - _base;
                separators = _separators >> offset;
            }
            if (separators == 0 && _base + Block < _end)
            {
                return Hj212Tokenizer.Next(_data, pos, _end); // a token longer than a block: rare
            }
        }
        // With no separator left, the block reaches the end, so the token ends there.
        var length = separators != 0 ? BitOperations.TrailingZeroCount(separators) : _end - pos;
        var before = length >= Block ? ulong.MaxValue : (1UL << length) - 1;
        var equals = (_equals >> offset) & before;
        // Only a '-' in the key (before the first '=') splits code and suffix.
        var dashes = (_dashes >> offset) & (equals != 0 ? (equals & (0 - equals)) - 1 : before);
        return new Hj212Token(
            pos,
            pos + length,
            equals != 0 ? pos + BitOperations.TrailingZeroCount(equals) : -1,
            dashes != 0 ? pos + BitOperations.TrailingZeroCount(dashes) : -1,
            separators != 0 ? _data[pos + length] : (byte)0,
            ((_spaces >> offset) & before) != 0);
    }

    // Classifies the 64 bytes from pos (or the last 64 of the data when fewer remain) and clears
    // the bits at and after the end, so a token never sees bytes outside the region.
    private void Load(int pos)
    {
        ref var bytes = ref MemoryMarshal.GetReference(_data);
        if (_data.Length >= Block)
        {
            _base = Math.Min(pos, _data.Length - Block);
            Classify(ref Unsafe.Add(ref bytes, _base));
        }
        else
        {
            _base = pos;
            ClassifyScalar(_data[pos.._end]);
        }
        var valid = _end - _base >= Block ? ulong.MaxValue : (1UL << (_end - _base)) - 1;
        _separators &= valid;
        _equals &= valid;
        _dashes &= valid;
        _spaces &= valid;
    }

    private void Classify(ref byte at)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref at);
            _separators = (Vector512.Equals(v, Vector512.Create((byte)';')) | Vector512.Equals(v, Vector512.Create((byte)','))).ExtractMostSignificantBits();
            _equals = Vector512.Equals(v, Vector512.Create((byte)'=')).ExtractMostSignificantBits();
            _dashes = Vector512.Equals(v, Vector512.Create((byte)'-')).ExtractMostSignificantBits();
            _spaces = (Vector512.Equals(v, Vector512.Create((byte)' ')) | Vector512.Equals(v, Vector512.Create((byte)'\t'))).ExtractMostSignificantBits();
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            _separators = _equals = _dashes = _spaces = 0;
            for (var i = 0; i < Block; i += Vector128<byte>.Count)
            {
                var v = Vector128.LoadUnsafe(ref at, (nuint)i);
                _separators |= (ulong)(Vector128.Equals(v, Vector128.Create((byte)';')) | Vector128.Equals(v, Vector128.Create((byte)','))).ExtractMostSignificantBits() << i;
                _equals |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'=')).ExtractMostSignificantBits() << i;
                _dashes |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'-')).ExtractMostSignificantBits() << i;
                _spaces |= (ulong)(Vector128.Equals(v, Vector128.Create((byte)' ')) | Vector128.Equals(v, Vector128.Create((byte)'\t'))).ExtractMostSignificantBits() << i;
            }
        }
        else
        {
            ClassifyScalar(MemoryMarshal.CreateReadOnlySpan(ref at, Block));
        }
    }

    private void ClassifyScalar(ReadOnlySpan<byte> block)
    {
        _separators = _equals = _dashes = _spaces = 0;
        for (var i = 0; i < block.Length; i++)
        {
            var bit = 1UL << i;
            switch (block[i])
            {
                case (byte)';' or (byte)',':
                    _separators |= bit;
                    break;
                case (byte)'=':
                    _equals |= bit;
                    break;
                case (byte)'-':
                    _dashes |= bit;
                    break;
                case (byte)' ' or (byte)'\t':
                    _spaces |= bit;
                    break;
            }
        }
    }
}
