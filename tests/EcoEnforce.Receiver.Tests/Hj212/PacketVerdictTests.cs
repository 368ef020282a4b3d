using System.Text.Json;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;

namespace EcoEnforce.Receiver.Tests.Hj212;

public class PacketVerdictTests
{
    public static TheoryData<int> PacketLines => new(SamplePacket.Load().Select(p => p.Line));

    [Fact]
    public void Samples_file_holds_131_packets_with_the_stated_status_counts()
    {
        var packets = SamplePacket.Load();

        Assert.Equal(131, packets.Count);
        Assert.Equal(98, packets.Count(p => p.Status == "valid"));
        Assert.Equal(8, packets.Count(p => p.Status == "valid-lenient"));
        Assert.Equal(25, packets.Count(p => p.Status == "invalid"));
    }

    [Theory]
    [MemberData(nameof(PacketLines))]
    public void Packet_gets_the_verdict_and_reasons_its_comment_gives(int line)
    {
        var sample = SamplePacket.AtLine(line);

        var packet = Hj212Packet.Parse(sample.Bytes);

        var expected = sample.Status switch
        {
            "valid" => Hj212Verdict.Valid,
            "valid-lenient" => Hj212Verdict.ValidLenient,
            _ => Hj212Verdict.Invalid,
        };
        Assert.Equal(expected, packet.Verdict);
        Assert.Equal(sample.Reasons.Order(), packet.Reasons.Order());
    }

    [Theory]
    [MemberData(nameof(PacketLines))]
    public void Packet_lengths_crc_and_flag_match_the_independent_verification(int line)
    {
        var sample = SamplePacket.AtLine(line);
        var index = SamplePacket.Load().ToList().IndexOf(sample);
        var verify = TestData.JsonLines("packets.verify.jsonl").ElementAt(index);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(sample.Bytes), verify.GetProperty("packet").GetString());

        var packet = Hj212Packet.Parse(sample.Bytes);

        if (!sample.Reasons.Contains("no-header"))
        {
            AssertNumber(verify, "decl_len", packet.DeclaredLength);
            // For a truncated packet the verification script still counts the last four characters as a CRC.
            if (!sample.Reasons.Contains("truncated"))
            {
                AssertNumber(verify, "actual_len", packet.DataLength);
            }
        }
        if (verify.GetProperty("crc_calc").GetString() is { } crc)
        {
            Assert.Equal(crc, packet.Crc.Computed.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(verify.GetProperty("crc_given").GetString(), packet.CrcField);
        }
        var variant = verify.TryGetProperty("crc_variant", out var v) && v.ValueKind == JsonValueKind.String;
        Assert.Equal(variant, packet.Crc.Variant is CrcVariant.ModbusLowByteFirst);
        if (verify.TryGetProperty("flag", out var flag) && flag.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(flag.GetProperty("value").GetInt32(), packet.Flag!.Value.Value);
            Assert.Equal(flag.GetProperty("version_bits").GetInt32(), packet.Flag.Value.VersionBits);
            Assert.Equal(flag.GetProperty("D").GetInt32() == 1, packet.Flag.Value.IsSplit);
            Assert.Equal(flag.GetProperty("A").GetInt32() == 1, packet.Flag.Value.NeedsReply);
        }
    }

    [Theory]
    [MemberData(nameof(PacketLines))]
    public void Packet_field_notes_are_recorded_as_deviations(int line)
    {
        var sample = SamplePacket.AtLine(line);
        var packet = Hj212Packet.Parse(sample.Bytes);
        var d = packet.Deviations;

        foreach (var note in sample.Notes)
        {
            if (note.StartsWith("no QN field", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.QnMissing), note);
            }
            else if (note.StartsWith("no Flag field", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.FlagMissing), note);
            }
            else if (note.Contains("not 14 digits", StringComparison.Ordinal) || note.Contains("milliseconds", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.TimeWithMilliseconds), note);
            }
            else if (note.StartsWith("trailing ';'", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.TrailingSeparator), note);
            }
            else if (note.StartsWith("header field order", StringComparison.Ordinal) || note.Contains("MN before PW", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.FieldOrder), note);
            }
            else if (note.Contains("\"QN=...534,ST=\"", StringComparison.Ordinal) || note.StartsWith("',' used", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.CommaInHeader) || d.HasFlag(Hj212Deviations.CommaBetweenItems), note);
            }
            else if (note.Contains("Flag=5CP=", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.NoSeparatorBeforeCp), note);
            }
            else if (note.StartsWith("PNUM/PNO present but Flag D bit not set", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.PnumWithoutDBit), note);
            }
            else if (note.StartsWith("Flag D bit set but no PNUM", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.DBitWithoutPnum), note);
            }
            else if (note.StartsWith("ST=101", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.StNonstandard), note);
            }
            else if (note.StartsWith("contains non-ASCII", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.NonAscii), note);
            }
            else if (note.StartsWith("no CP=&& found", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.CpMissing), note);
            }
            else if (note.Contains("lost its a34001- prefix", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.FieldWithoutCode), note);
            }
            else if (note.Contains("2005 codes", StringComparison.Ordinal) || note.Contains("2005 CEMS codes", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.Code2005), note);
            }
            else if (note.Contains("non-standard factor code O3", StringComparison.Ordinal) || note.Contains("vendor numeric codes", StringComparison.Ordinal))
            {
                Assert.True(d.HasFlag(Hj212Deviations.NonstandardCode), note);
            }
        }
    }

    private static void AssertNumber(JsonElement verify, string name, int actual)
    {
        var value = verify.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Number)
        {
            Assert.Equal(value.GetInt32(), actual);
        }
    }
}
