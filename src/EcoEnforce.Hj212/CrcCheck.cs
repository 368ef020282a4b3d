namespace EcoEnforce.Hj212;

public enum CrcStatus : byte
{
    /// <summary>The CRC field holds the Appendix A CRC of the data segment.</summary>
    Ok,
    /// <summary>The CRC field is hex but matches neither the standard CRC nor a known variant.</summary>
    Mismatch,
    /// <summary>The field matches a known vendor deviation (see <see cref="CrcVariant"/>).</summary>
    Variant,
    /// <summary>No hex CRC digits follow the data segment.</summary>
    Missing,
}

public enum CrcVariant : byte
{
    None,
    /// <summary>CRC-16/MODBUS written low byte first, as one real capture does.</summary>
    ModbusLowByteFirst,
    /// <summary>CRC-16/MODBUS written high byte first.</summary>
    ModbusHighByteFirst,
    /// <summary>The right value without leading zeros (<c>ToString("X")</c> writers).</summary>
    NotPadded,
}

/// <summary>The outcome of checking a frame's CRC field against its data segment.</summary>
public readonly record struct CrcCheck(CrcStatus Status, CrcVariant Variant, ushort Computed, int Given, bool Lowercase)
{
    /// <summary>Wire text for reports: ok, mismatch, variant, missing.</summary>
    public string StatusText => Status switch
    {
        CrcStatus.Ok => "ok",
        CrcStatus.Mismatch => "mismatch",
        CrcStatus.Variant => "variant",
        _ => "missing",
    };

    /// <summary>Checks <paramref name="crcField"/> (0–4 hex digits, either case) against <paramref name="data"/>.</summary>
    public static CrcCheck Evaluate(ReadOnlySpan<byte> data, ReadOnlySpan<byte> crcField)
    {
        var computed = Hj212Crc.Compute(data);
        if (crcField.IsEmpty || !TryParseHex(crcField, out var given, out var lower))
        {
            return new(CrcStatus.Missing, CrcVariant.None, computed, -1, false);
        }
        if (given == computed)
        {
            return crcField.Length == 4
                ? new(CrcStatus.Ok, CrcVariant.None, computed, given, lower)
                : new(CrcStatus.Variant, CrcVariant.NotPadded, computed, given, lower);
        }
        if (crcField.Length == 4)
        {
            var modbus = Hj212Crc.ComputeModbus(data);
            var swapped = (ushort)((modbus << 8) | (modbus >> 8));
            if (given == swapped)
            {
                return new(CrcStatus.Variant, CrcVariant.ModbusLowByteFirst, computed, given, lower);
            }
            if (given == modbus)
            {
                return new(CrcStatus.Variant, CrcVariant.ModbusHighByteFirst, computed, given, lower);
            }
        }
        return new(CrcStatus.Mismatch, CrcVariant.None, computed, given, lower);
    }

    internal static bool IsHex(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 5;

    private static bool TryParseHex(ReadOnlySpan<byte> text, out int value, out bool lower)
    {
        value = 0;
        lower = false;
        if (text.Length > 4)
        {
            return false;
        }
        foreach (var b in text)
        {
            int digit;
            if ((uint)(b - '0') <= 9)
            {
                digit = b - '0';
            }
            else if ((uint)(b - 'A') <= 5)
            {
                digit = b - 'A' + 10;
            }
            else if ((uint)(b - 'a') <= 5)
            {
                digit = b - 'a' + 10;
                lower = true;
            }
            else
            {
                return false;
            }
            value = (value << 4) | digit;
        }
        return true;
    }
}
