namespace EcoEnforce.Hj212;

/// <summary>
/// The CRC of HJ 212 Appendix A ("ANSI CRC16"), which is not CRC-16/MODBUS: each step is
/// <c>reg = (reg &gt;&gt; 8) ^ b</c> followed by eight reflected 0xA001 shifts.
/// </summary>
/// <remarks>
/// After <c>(reg &gt;&gt; 8) ^ b</c> only eight bits are significant, so the state between bytes is
/// just the register's high byte <c>h</c>, and <c>h' = H[h ^ b]</c> where <c>H</c> is the high byte
/// of the CRC-16/ARC table. <c>H</c> is linear over GF(2), so eight bytes fold into eight
/// independent lookups (slicing-by-8) and the loop is no longer one dependent load per byte.
/// </remarks>
public static class Hj212Crc
{
    private static readonly ushort[] Arc = BuildArcTable();
    private static readonly byte[] Slices = BuildSlices(Arc);

    /// <summary>The HJ 212 CRC of <paramref name="data"/> (the data segment only).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return 0xFFFF;
        }
        var slices = Slices.AsSpan();
        uint h = 0xFF;
        var i = 0;
        var last = data.Length - 1;
        for (; i + 8 <= last; i += 8)
        {
            h = (uint)(slices[(7 << 8) | (int)(h ^ data[i])]
                ^ slices[(6 << 8) | data[i + 1]]
                ^ slices[(5 << 8) | data[i + 2]]
                ^ slices[(4 << 8) | data[i + 3]]
                ^ slices[(3 << 8) | data[i + 4]]
                ^ slices[(2 << 8) | data[i + 5]]
                ^ slices[(1 << 8) | data[i + 6]]
                ^ slices[data[i + 7]]);
        }
        for (; i < last; i++)
        {
            h = slices[(int)(h ^ data[i])];
        }
        return Arc[(int)(h ^ data[last])];
    }

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

    // Slice k (0..7) holds H applied k+1 times, so one step over 8 bytes is an XOR of 8 lookups.
    private static byte[] BuildSlices(ushort[] arc)
    {
        var slices = new byte[8 * 256];
        for (var x = 0; x < 256; x++)
        {
            var v = x;
            for (var k = 0; k < 8; k++)
            {
                v = arc[v] >> 8;
                slices[(k << 8) | x] = (byte)v;
            }
        }
        return slices;
    }
}
