using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Archive;

namespace EcoEnforce.Core.Tests.Monitoring;

/// <summary>Chunks are lossless: whatever readings a series-day holds come back exactly, and the arrays copy into a
/// detector's grid where they belong.</summary>
public sealed class ReadingChunkCodecTests
{
    // 2022-08-01 00:00 Beijing time.
    private static readonly DateTime Day = new(2022, 7, 31, 16, 0, 0, DateTimeKind.Utc);

    private static Reading At(ReadingKind kind, int slot, double? value, string? flag = "N", double? min = null, double? max = null, double? cou = null, long packet = 1) => new()
    {
        Mn = "88888880000001", Kind = kind, PollutantCode = "a21026", DataTimeUtc = Day + ReadingChunkCodec.StepOf(kind) * slot,
        Value = value, Min = min, Max = max, Cou = cou, Flag = flag, RawPacketId = packet,
    };

    private static ReadingChunk Chunk(ReadingKind kind, IEnumerable<Reading> readings) => new()
    {
        Mn = "88888880000001", Kind = kind, PollutantCode = "a21026", DayStartUtc = Day, Data = ReadingChunkCodec.Encode(kind, Day, readings),
    };

    [Fact]
    public void Random_series_days_come_back_exactly_including_nulls_flags_and_packet_ids()
    {
        var random = new Random(20221);
        string?[] flags = [null, "N", "F", "M", "S", "D", "C", "T", "B", "Md"];
        for (var round = 0; round < 300; round++)
        {
            var kind = random.Next(2) == 0 ? ReadingKind.Minute : ReadingKind.Hour;
            var slots = ReadingChunkCodec.SlotsOf(kind);
            var density = random.NextDouble();
            var withMinMax = random.Next(2) == 0;
            var readings = Enumerable.Range(0, slots).Where(_ => random.NextDouble() < density).Select(slot => At(kind, slot,
                random.Next(20) == 0 ? null : Math.Round(random.NextDouble() * 200 - 10, random.Next(6)),
                flags[random.Next(flags.Length)],
                withMinMax ? random.NextDouble() : null, withMinMax ? random.NextDouble() * 300 : null,
                random.Next(3) == 0 ? random.NextDouble() * 1e6 : null, random.NextInt64(1, long.MaxValue))).ToList();

            var back = ReadingChunkCodec.Readings(Chunk(kind, readings)).ToList();

            Assert.Equal(readings.Count, back.Count);
            foreach (var (expected, actual) in readings.Zip(back))
                Assert.Equal(
                    (expected.DataTimeUtc, expected.Value, expected.Min, expected.Max, expected.Cou, expected.Flag, expected.RawPacketId, expected.Kind),
                    (actual.DataTimeUtc, actual.Value, actual.Min, actual.Max, actual.Cou, actual.Flag, actual.RawPacketId, actual.Kind));
        }
    }

    [Fact]
    public void The_first_reading_of_a_slot_wins_as_the_first_arrival_does_in_the_row_store()
    {
        var back = ReadingChunkCodec.Readings(Chunk(ReadingKind.Hour, [At(ReadingKind.Hour, 3, 35.2), At(ReadingKind.Hour, 3, 99)])).ToList();
        Assert.Equal(35.2, Assert.Single(back).Value);
    }

    [Fact]
    public void A_time_off_the_grid_of_the_day_is_refused()
    {
        var offGrid = At(ReadingKind.Minute, 5, 1);
        offGrid.DataTimeUtc = offGrid.DataTimeUtc.AddSeconds(30);
        Assert.Throws<ArgumentException>(() => ReadingChunkCodec.Encode(ReadingKind.Minute, Day, [offGrid]));
        Assert.Throws<ArgumentException>(() => ReadingChunkCodec.Encode(ReadingKind.Hour, Day, [At(ReadingKind.Hour, 24, 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadingChunkCodec.SlotsOf(ReadingKind.Day));
    }

    [Fact]
    public void Days_are_beijing_days_so_the_first_minute_of_a_day_is_1600_utc_the_day_before()
    {
        Assert.Equal(Day, ReadingChunkCodec.DayStartUtc(Day));
        Assert.Equal(Day, ReadingChunkCodec.DayStartUtc(Day.AddHours(23).AddMinutes(59)));
        Assert.Equal(Day.AddDays(1), ReadingChunkCodec.DayStartUtc(Day.AddDays(1)));
        Assert.Equal(Day.AddDays(-1), ReadingChunkCodec.DayStartUtc(Day.AddTicks(-1)));
    }

    [Fact]
    public void A_chunk_copies_into_a_grid_clipped_at_both_ends_with_gaps_left_missing()
    {
        var view = new ReadingChunkCodec.View(ReadingChunkCodec.Encode(ReadingKind.Hour, Day,
            [At(ReadingKind.Hour, 0, 10, "N", min: 1), At(ReadingKind.Hour, 5, 15, "F", min: 2), At(ReadingKind.Hour, 23, 33, null, min: 3)]));
        // A grid of 10 hours starting at 04:00 sees slots 4 … 13 of the day.
        var late = new GridSeries(10);
        late.CopyFrom(view, -4);
        Assert.Equal([double.NaN, 15, double.NaN], late.Values[..3]);
        Assert.Equal(new string?[] { null, "F", null }, late.Flags[..3]);
        Assert.Equal(2, late.Min![1]);
        // A grid starting 20 hours before the day sees slots 0 … 3 at indexes 20 … 23, and nothing past its end.
        var early = new GridSeries(24);
        early.CopyFrom(view, 20);
        Assert.Equal(10, early.Values[20]);
        Assert.True(double.IsNaN(early.Values[19]));
        Assert.Equal("N", early.Flags[20]);
    }

    [Fact]
    public void A_corrupt_or_unknown_chunk_is_refused_rather_than_misread()
    {
        var data = ReadingChunkCodec.Encode(ReadingKind.Minute, Day, [At(ReadingKind.Minute, 0, 1)]);
        Assert.Throws<InvalidDataException>(() => new ReadingChunkCodec.View(data[..100]));
        data[0] = 9;
        Assert.Throws<InvalidDataException>(() => new ReadingChunkCodec.View(data));
    }
}
