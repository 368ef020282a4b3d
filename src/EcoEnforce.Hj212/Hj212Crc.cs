using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcoEnforce.Hj212;

/// <summary>
/// The CRC of HJ 212 Appendix A ("ANSI CRC16"), which is not CRC-16/MODBUS: each step is
/// <c>reg = (reg &gt;&gt; 8) ^ b</c> followed by eight reflected 0xA001 shifts.
/// </summary>
/// <remarks>
/// After <c>(reg &gt;&gt; 8) ^ b</c> only eight bits are significant, so the state between bytes is
/// just the register's high byte <c>h</c>, and <c>h' = H[h ^ b]</c> where <c>H</c> is the high byte
/// of the CRC-16/ARC table. <c>H</c> is linear over GF(2), so sixteen bytes fold into sixteen
/// independent lookups (slicing-by-16) and the loop is no longer one dependent load per byte.
/// Where the CPU has GFNI, sixteen lanes apply <c>H^16</c> at once (see <c>ComputeGfni</c>).
/// </remarks>
public static class Hj212Crc
{
    private static readonly ushort[] Arc = BuildArcTable();
    private static readonly byte[] Slices = BuildSlices(Arc, 16);
    private static readonly ulong AffineH16 = BuildAffine(Arc, 16);
    private static readonly ulong AffineH32 = BuildAffine(Arc, 32);
    private static readonly ulong AffineH48 = BuildAffine(Arc, 48);
    private static readonly ulong AffineH64 = BuildAffine(Arc, 64);

    /// <summary>The HJ 212 CRC of <paramref name="data"/> (the data segment only).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Compute(data, Gfni.IsSupported);

    /// <summary>Exposed to tests so the table path is checked on machines that have GFNI too.</summary>
    internal static ushort Compute(ReadOnlySpan<byte> data, bool useGfni)
    {
        if (data.IsEmpty)
        {
            return 0xFFFF;
        }
        ref var t = ref MemoryMarshal.GetArrayDataReference(Slices);
        uint h = 0xFF;
        var i = 0;
        var last = data.Length - 1;
        if (useGfni && last >= 32)
        {
            (h, i) = ComputeGfni(data, last, ref t);
        }
        for (; i + 16 <= last; i += 16)
        {
            // Two 8-byte loads; byte k of the 16 pairs with slice 15-k (H applied 16-k times).
            var a = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]);
            var b = BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]);
            h = (uint)(Slice(ref t, 15, (h ^ (uint)a) & 0xFF) ^ Slice(ref t, 14, a >> 8) ^ Slice(ref t, 13, a >> 16)
                ^ Slice(ref t, 12, a >> 24) ^ Slice(ref t, 11, a >> 32) ^ Slice(ref t, 10, a >> 40)
                ^ Slice(ref t, 9, a >> 48) ^ Slice(ref t, 8, a >> 56)
                ^ Slice(ref t, 7, b) ^ Slice(ref t, 6, b >> 8) ^ Slice(ref t, 5, b >> 16) ^ Slice(ref t, 4, b >> 24)
                ^ Slice(ref t, 3, b >> 32) ^ Slice(ref t, 2, b >> 40) ^ Slice(ref t, 1, b >> 48) ^ Slice(ref t, 0, b >> 56));
        }
        for (; i < last; i++)
        {
            h = Unsafe.Add(ref t, (int)(h ^ data[i]));
        }
        return Arc[(int)(h ^ data[last])];
    }

    // Sixteen interleaved Horner chains, one per byte lane: lane r sees bytes r, r+16, r+32… and each
    // step applies H^16 to all lanes at once with one GF(2) affine instruction. The lanes are then
    // folded into h with slice 15-r (H^(16-r)). h0 = 0xFF enters with the first byte.
    // One chain is bound by the affine's latency, so longer inputs run four chains over 64-byte
    // steps (H^64 each), merged as H^48·c0 + H^32·c1 + H^16·c2 + c3 into the single chain.
    private static (uint H, int Consumed) ComputeGfni(ReadOnlySpan<byte> data, int last, ref byte slices)
    {
        ref var bytes = ref MemoryMarshal.GetReference(data);
        var blocks = last / 16;
        var h16 = Vector128.Create(AffineH16).AsByte();
        var acc = Vector128.LoadUnsafe(ref bytes) ^ Vector128.CreateScalar((byte)0xFF);
        var b = 1;
        if (blocks >= 8)
        {
            var h64 = Vector128.Create(AffineH64).AsByte();
            var c1 = Vector128.LoadUnsafe(ref bytes, 16);
            var c2 = Vector128.LoadUnsafe(ref bytes, 32);
            var c3 = Vector128.LoadUnsafe(ref bytes, 48);
            for (b = 4; b + 4 <= blocks; b += 4)
            {
                var at = (nuint)(b * 16);
                acc = Gfni.GaloisFieldAffineTransform(acc, h64, 0) ^ Vector128.LoadUnsafe(ref bytes, at);
                c1 = Gfni.GaloisFieldAffineTransform(c1, h64, 0) ^ Vector128.LoadUnsafe(ref bytes, at + 16);
                c2 = Gfni.GaloisFieldAffineTransform(c2, h64, 0) ^ Vector128.LoadUnsafe(ref bytes, at + 32);
                c3 = Gfni.GaloisFieldAffineTransform(c3, h64, 0) ^ Vector128.LoadUnsafe(ref bytes, at + 48);
            }
            acc = Gfni.GaloisFieldAffineTransform(acc, Vector128.Create(AffineH48).AsByte(), 0)
                ^ Gfni.GaloisFieldAffineTransform(c1, Vector128.Create(AffineH32).AsByte(), 0)
                ^ Gfni.GaloisFieldAffineTransform(c2, h16, 0)
                ^ c3;
        }
        for (; b < blocks; b++)
        {
            acc = Gfni.GaloisFieldAffineTransform(acc, h16, 0) ^ Vector128.LoadUnsafe(ref bytes, (nuint)(b * 16));
        }
        uint h = 0;
        for (var r = 0; r < 16; r++)
        {
            h ^= Unsafe.Add(ref slices, ((15 - r) << 8) | acc.GetElement(r));
        }
        return (h, blocks * 16);
    }

    // H^16 as a GF2P8AFFINEQB matrix: byte 7-j of the qword selects the input bits of output bit j.
    private static ulong BuildAffine(ushort[] arc, int power)
    {
        ulong matrix = 0;
        for (var j = 0; j < 8; j++)
        {
            ulong row = 0;
            for (var bit = 0; bit < 8; bit++)
            {
                var v = 1 << bit;
                for (var k = 0; k < power; k++)
                {
                    v = arc[v] >> 8;
                }
                row |= (ulong)((v >> j) & 1) << bit;
            }
            matrix |= row << (8 * (7 - j));
        }
        return matrix;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Slice(ref byte table, int slice, ulong value) => Unsafe.Add(ref table, (slice << 8) | (int)(value & 0xFF));

    /// <summary>The standard's bit-by-bit algorithm, kept as the reference the fast path is tested against.</summary>
    public static ushort ComputeReference(ReadOnlySpan<byte> data)
    {
        uint reg = 0xFFFF;
        foreach (var b in data)
        {
            reg = (reg >> 8) ^ b;
            for (var k = 0; k < 8; k++)
            {
                var lsb = reg & 1;
                reg >>= 1;
                if (lsb != 0)
                {
                    reg ^= 0xA001;
                }
            }
        }
        return (ushort)reg;
    }

    /// <summary>CRC-16/MODBUS, which some vendors send instead (written low byte first).</summary>
    public static ushort ComputeModbus(ReadOnlySpan<byte> data)
    {
        uint reg = 0xFFFF;
        foreach (var b in data)
        {
            reg = (reg >> 8) ^ Arc[(int)((reg ^ b) & 0xFF)];
        }
        return (ushort)reg;
    }

    /// <summary>Writes the CRC as four uppercase hex digits, as the standard prints it.</summary>
    public static void Format(ushort crc, Span<byte> destination)
    {
        const string hex = "0123456789ABCDEF";
        destination[0] = (byte)hex[crc >> 12];
        destination[1] = (byte)hex[(crc >> 8) & 0xF];
        destination[2] = (byte)hex[(crc >> 4) & 0xF];
        destination[3] = (byte)hex[crc & 0xF];
    }

    private static ushort[] BuildArcTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            uint reg = (uint)i;
            for (var k = 0; k < 8; k++)
            {
                reg = (reg & 1) != 0 ? (reg >> 1) ^ 0xA001 : reg >> 1;
            }
            table[i] = (ushort)reg;
        }
        return table;
    }

    // Slice k holds H applied k+1 times, so one step over 16 bytes is an XOR of 16 lookups.
    private static byte[] BuildSlices(ushort[] arc, int count)
    {
        var slices = new byte[count * 256];
        for (var x = 0; x < 256; x++)
        {
            var v = x;
            for (var k = 0; k < count; k++)
            {
                v = arc[v] >> 8;
                slices[(k << 8) | x] = (byte)v;
            }
        }
        return slices;
    }
}
