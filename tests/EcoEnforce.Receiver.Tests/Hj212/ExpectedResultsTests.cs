using System.Text;
using System.Text.Json;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;

namespace EcoEnforce.Receiver.Tests.Hj212;

/// <summary>The 20 expectations in expected.jsonl, each taken from the file by position.</summary>
public partial class ExpectedResultsTests
{
    private static readonly List<JsonElement> Entries = TestData.JsonLines("expected.jsonl").ToList();

    [Fact]
    public void Expected_file_holds_20_entries_of_the_known_kinds()
    {
        Assert.Equal(20, Entries.Count);
        Assert.All(Entries, e => Assert.Contains(Kind(e), new[]
        {
            "crc16", "frame-split", "parse-flat", "parse-deep", "parse-typed", "roundtrip-write", "write",
            "verify", "parse+reply", "build+parse", "subpacket-reassembly",
        }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Crc_of_a_data_segment_matches_the_stated_value(int index)
    {
        var entry = Entries[index];
        var data = Encoding.UTF8.GetBytes(Input(entry));
        var expect = entry.GetProperty("expect");

        Assert.Equal(Convert.ToUInt16(expect.GetProperty("crc").GetString(), 16), Hj212Crc.Compute(data));
        Assert.Equal(Convert.ToUInt16(expect.GetProperty("crc").GetString(), 16), Hj212Crc.ComputeReference(data));
        if (expect.TryGetProperty("length", out var length))
        {
            Assert.Equal(length.GetInt32(), data.Length);
        }
    }

    [Fact]
    public void Frame_splits_into_header_length_data_crc_and_footer()
    {
        var entry = Entries[2];
        var frame = Encoding.UTF8.GetBytes(Input(entry));
        var expect = entry.GetProperty("expect");

        var layout = Hj212FrameLayout.Analyze(frame);

        Assert.Equal(expect.GetProperty("header").GetString(), Encoding.ASCII.GetString(frame, 0, 2));
        Assert.Equal(expect.GetProperty("data_len_field").GetString(), Encoding.ASCII.GetString(frame, 2, 4));
        Assert.Equal(expect.GetProperty("data_length").GetInt32(), layout.DataLength);
        Assert.Equal(expect.GetProperty("crc_field").GetString(), Encoding.ASCII.GetString(layout.CrcField(frame)));
        Assert.Equal(expect.GetProperty("footer").GetString(), Encoding.ASCII.GetString(frame.AsSpan(layout.CrcStart + layout.CrcLength)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public void Flat_parse_gives_header_fields_and_cp_text(int index)
    {
        var entry = Entries[index];

        var packet = Hj212Packet.Parse(Input(entry));

        foreach (var field in entry.GetProperty("expect").EnumerateObject())
        {
            Assert.Equal(field.Value.GetString(), Header(packet, field.Name));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(13)]
    public void Deep_parse_gives_the_cp_map(int index)
    {
        var entry = Entries[index];

        var packet = Hj212Packet.Parse(Input(entry));

        foreach (var field in entry.GetProperty("expect").EnumerateObject())
        {
            if (field.Name == "CP")
            {
                var expected = field.Value.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!));
                Assert.Equal(expected, packet.Cp);
            }
            else
            {
                Assert.Equal(field.Value.GetString(), Header(packet, field.Name));
            }
        }
    }

    [Fact]
    public void Typed_parse_gives_items_by_factor_with_their_fields()
    {
        var expect = Entries[5].GetProperty("expect");

        var packet = Hj212Packet.Parse(Input(Entries[5]));

        Assert.Equal(expect.GetProperty("cp.dataTime").GetString(), packet.DataTime);
        foreach (var pollutant in expect.GetProperty("pollution").EnumerateObject())
        {
            var item = packet.Item(pollutant.Name)!;
            foreach (var field in pollutant.Value.EnumerateObject())
            {
                Assert.Equal(field.Value.GetString(), item[field.Name]);
            }
        }
        Assert.Equal("w00000", packet.Item("B01")!.Code2017);
        Assert.Equal("w01018", packet.Item("011")!.Code2017);
        Assert.Equal("w21003", packet.Item("060")!.Code2017);
        Assert.True(packet.Deviations.HasFlag(Hj212Deviations.Code2005));
    }

    [Fact]
    public void Typed_parse_of_flag_8_gives_version_bits_000010_and_no_split_fields()
    {
        var expect = Entries[14].GetProperty("expect");

        var packet = Hj212Packet.Parse(Input(Entries[14]));

        Assert.Equal(expect.GetProperty("QN").GetString(), packet.Qn);
        Assert.Null(packet.Pnum);
        Assert.Null(packet.Pno);
        Assert.Equal(2, packet.Flag!.Value.VersionBits);
        Assert.False(packet.Flag.Value.NeedsReply);
        Assert.False(packet.Flag.Value.IsSplit);
        Assert.Equal(expect.GetProperty("CP.DataTime").GetString(), packet.DataTime);
    }

    [Fact]
    public void Typed_parse_reads_restart_time_as_a_time()
    {
        var expect = Entries[16].GetProperty("expect");

        var packet = Hj212Packet.Parse(Input(Entries[16]));

        Assert.Equal(expect.GetProperty("CN").GetInt32(), packet.CnCode);
        Assert.True(Hj212Time.TryParse(packet.CpMap["RestartTime"], out var restart));
        Assert.Equal(DateTime.Parse(expect.GetProperty("CP.RestartTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture), restart);
    }

    private static string Kind(JsonElement entry) => entry.GetProperty("kind").GetString()!;

    private static string Input(JsonElement entry) => entry.GetProperty("input").GetString()!;

    private static string? Header(Hj212Packet packet, string name) => name switch
    {
        "QN" => packet.Qn,
        "ST" => packet.St,
        "CN" => packet.Cn,
        "PW" => packet.Pw,
        "MN" => packet.Mn,
        "Flag" => packet.Flag?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "CP" => packet.CpText,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
