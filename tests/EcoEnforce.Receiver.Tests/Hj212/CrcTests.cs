using System.Text;
using EcoEnforce.Hj212;

namespace EcoEnforce.Receiver.Tests.Hj212;

public class CrcTests
{
    [Fact]
    public void Table_driven_crc_matches_the_bitwise_reference_on_random_inputs()
    {
        var random = new Random(212);
        for (var i = 0; i < 5000; i++)
        {
            var data = new byte[random.Next(0, 1100)];
            random.NextBytes(data);

            var expected = Hj212Crc.ComputeReference(data);
            Assert.Equal(expected, Hj212Crc.Compute(data));
            Assert.Equal(expected, Hj212Crc.Compute(data, useGfni: false));
        }
    }

    [Fact]
    public void Appendix_a_example_is_1C80_and_not_the_modbus_value()
    {
        var data = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"u8;

        Assert.Equal(0x1C80, Hj212Crc.Compute(data));
        Assert.Equal(0x0759, Hj212Crc.ComputeModbus(data));
    }

    [Fact]
    public void Crc_low_byte_is_always_one_of_eight_values()
    {
        var random = new Random(7);
        var lows = new HashSet<int>();
        for (var i = 0; i < 2000; i++)
        {
            var data = new byte[random.Next(1, 200)];
            random.NextBytes(data);
            lows.Add(Hj212Crc.Compute(data) & 0xFF);
        }

        Assert.Subset(new HashSet<int> { 0x00, 0x01, 0x40, 0x41, 0x80, 0x81, 0xC0, 0xC1 }, lows);
    }

    [Theory]
    [InlineData("1C80", CrcStatus.Ok, CrcVariant.None, false)]
    [InlineData("1c80", CrcStatus.Ok, CrcVariant.None, true)]
    [InlineData("1C81", CrcStatus.Mismatch, CrcVariant.None, false)]
    [InlineData("5907", CrcStatus.Variant, CrcVariant.ModbusLowByteFirst, false)]
    [InlineData("0759", CrcStatus.Variant, CrcVariant.ModbusHighByteFirst, false)]
    [InlineData("", CrcStatus.Missing, CrcVariant.None, false)]
    public void Crc_field_is_classified_as_ok_mismatch_variant_or_missing(string field, CrcStatus status, CrcVariant variant, bool lowercase)
    {
        var data = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"u8;

        var check = CrcCheck.Evaluate(data, Encoding.ASCII.GetBytes(field));

        Assert.Equal((status, variant, lowercase), (check.Status, check.Variant, check.Lowercase));
    }

    [Fact]
    public void Unpadded_crc_is_a_variant()
    {
        var data = new byte[40];
        ushort crc;
        var i = 0;
        do
        {
            data[0] = (byte)i++;
            crc = Hj212Crc.Compute(data);
        }
        while (crc >= 0x1000);

        var check = CrcCheck.Evaluate(data, Encoding.ASCII.GetBytes(crc.ToString("X", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal((CrcStatus.Variant, CrcVariant.NotPadded), (check.Status, check.Variant));
    }
}
