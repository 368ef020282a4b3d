using System.Buffers;
using System.Globalization;
using EcoEnforce.Hj212;
using EcoEnforce.Receiver.Tests.Support;

namespace EcoEnforce.Receiver.Tests.Hj212;

/// <summary>Seeded random loops: fixed seeds keep failures reproducible without a property-testing package.</summary>
public class PropertyTests
{
    private static readonly string[] Sts = ["21", "22", "31", "32", "39", "91"];
    private static readonly string[] Cns = ["2011", "2051", "2061", "2031", "1011", "9014"];
    private static readonly string[] Flags = ["N", "F", "M", "S", "D", "C", "T", "B"];
    private static readonly string[] Suffixes = ["Rtd", "Min", "Avg", "Max", "Cou", "ZsRtd", "ZsAvg", "SampleTime", "EFlag"];

    [Fact]
    public void Built_packets_parse_back_to_the_same_fields_and_values()
    {
        var random = new Random(20170501);
        for (var run = 0; run < 500; run++)
        {
            var (header, cp) = RandomPacket(random);

            var frame = Hj212Builder.Frame(Hj212Builder.DataSegment(header, cp));
            var packet = Hj212Packet.Parse(frame);

            Assert.Equal(Hj212Verdict.Valid, packet.Verdict);
            Assert.Equal((header.Qn, header.St, header.Cn, header.Pw, header.Mn, header.Flag, header.Pnum, header.Pno),
                (packet.Qn, packet.St, packet.Cn, packet.Pw, packet.Mn, packet.Flag?.Value, packet.Pnum, packet.Pno));
            Assert.Equal(cp, packet.Cp);
            foreach (var (key, value) in cp.Where(kv => kv.Key.EndsWith("-Rtd", StringComparison.Ordinal)))
            {
                var item = packet.Item(key[..^4])!;
                Assert.Equal(double.Parse(value, CultureInfo.InvariantCulture), item.Rtd);
            }
        }
    }

    [Fact]
    public void Built_packets_survive_random_chunking_with_junk_between_them()
    {
        var random = new Random(1036);
        for (var run = 0; run < 100; run++)
        {
            var frames = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => RandomPacket(random))
                .Select(p => Hj212Builder.Frame(Hj212Builder.DataSegment(p.Header, p.Cp)))
                .ToList();
            var stream = frames.SelectMany(f => RandomJunk(random).Concat(f)).ToArray();

            var buffer = TestSequenceSegment.Split(stream, random.Next(1, 40));
            var framer = new Hj212FrameReader();
            var read = new List<byte[]>();
            while (framer.TryReadFrame(ref buffer, out var frame))
            {
                read.Add(frame.Bytes.ToArray());
            }

            Assert.Equal(frames, read);
        }
    }

    [Fact]
    public void Random_corruption_never_throws_and_is_almost_always_recorded()
    {
        var random = new Random(256);
        var samples = SamplePacket.Load().Where(p => Hj212Packet.Parse(p.Bytes).Verdict == Hj212Verdict.Valid).ToList();
        var unnoticed = 0;
        var runs = 0;
        foreach (var sample in samples)
        {
            var original = Hj212Packet.Parse(sample.Bytes);
            for (var i = 0; i < 40; i++)
            {
                var mutated = Mutate(random, sample.Bytes);
                if (mutated.AsSpan().SequenceEqual(sample.Bytes))
                {
                    continue;
                }
                runs++;

                var packet = Hj212Packet.Parse(mutated);
                _ = Hj212PacketView.Parse(mutated);

                if (packet.Verdict == Hj212Verdict.Valid && packet.Deviations == original.Deviations)
                {
                    unnoticed++;
                }
            }
        }

        // The CRC has only 256 values, so about 1 in 256 corruptions slips through; allow a margin.
        Assert.InRange(unnoticed, 0, runs / 50);
    }

    [Fact]
    public void Random_bytes_through_the_framer_never_throw_and_every_byte_is_accounted_for()
    {
        var random = new Random(4096);
        var sample = SamplePacket.Load()[0].Bytes;
        for (var run = 0; run < 300; run++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            // Sprinkle headers and packet pieces so the framer's edge cases get hit.
            for (var k = 0; k < random.Next(0, 10); k++)
            {
                var at = random.Next(0, Math.Max(1, bytes.Length - sample.Length));
                var piece = Mutate(random, sample);
                piece.AsSpan(0, Math.Min(piece.Length, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
            }

            var buffer = TestSequenceSegment.Split(bytes, random.Next(1, 100));
            var framer = new Hj212FrameReader();
            long framed = 0;
            while (framer.TryReadFrame(ref buffer, out var frame))
            {
                framed += frame.Bytes.Length;
                _ = Hj212Packet.Parse(frame);
            }
            if (framer.TryReadFinalFrame(ref buffer, out var last))
            {
                framed += last.Bytes.Length;
                _ = Hj212Packet.Parse(last);
            }

            Assert.Equal(bytes.Length, framed + framer.SkippedBytes + buffer.Length);
        }
    }

    private static (Hj212HeaderValues Header, List<KeyValuePair<string, string>> Cp) RandomPacket(Random random)
    {
        var split = random.Next(4) == 0;
        var pnum = split ? random.Next(1, 10) : (int?)null;
        var header = new Hj212HeaderValues(
            Hj212Time.FormatQn(new DateTime(2016, 1, 1).AddMilliseconds(random.NextInt64(0, 300_000_000_000))),
            Sts[random.Next(Sts.Length)],
            Cns[random.Next(Cns.Length)],
            random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture),
            Convert.ToHexString(RandomBytes(random, 12)),
            Hj212Flag.For((Hj212Edition)random.Next(3), random.Next(2) == 0, split),
            pnum,
            split ? random.Next(1, pnum!.Value + 1) : null);
        var cp = new List<KeyValuePair<string, string>> { new("DataTime", Hj212Time.Format(new DateTime(2020, 1, 1).AddMinutes(random.Next(0, 1_000_000)))) };
        var codes = PollutantCodes.All.OrderBy(_ => random.Next()).Take(random.Next(0, 8));
        foreach (var code in codes)
        {
            cp.Add(new($"{code.Code2017}-Rtd", RandomNumber(random)));
            foreach (var suffix in Suffixes.Skip(1).Where(_ => random.Next(4) == 0))
            {
                cp.Add(new($"{code.Code2017}-{suffix}", suffix switch
                {
                    "SampleTime" => Hj212Time.Format(new DateTime(2020, 1, 1).AddMinutes(random.Next(0, 1_000_000))),
                    "EFlag" => "A01",
                    _ => RandomNumber(random),
                }));
            }
            cp.Add(new($"{code.Code2017}-Flag", Flags[random.Next(Flags.Length)]));
        }
        return (header, cp);
    }

    private static string RandomNumber(Random random)
    {
        var value = (random.NextDouble() - 0.2) * Math.Pow(10, random.Next(0, 7));
        return value.ToString("F" + random.Next(0, 5), CultureInfo.InvariantCulture);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    // Junk that cannot itself look like a frame start: probes, keepalives, stray bytes.
    private static byte[] RandomJunk(Random random) => random.Next(3) switch
    {
        0 => [],
        1 => "\r\n"u8.ToArray(),
        _ => RandomBytes(random, random.Next(1, 20)).Select(b => b == '#' ? (byte)'x' : b).ToArray(),
    };

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var copy = bytes.ToList();
        switch (random.Next(4))
        {
            case 0:
                var at = random.Next(copy.Count);
                copy[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                copy.RemoveRange(random.Next(copy.Count), 1);
                break;
            case 2:
                copy.Insert(random.Next(copy.Count + 1), (byte)random.Next(256));
                break;
            default:
                return bytes[..random.Next(bytes.Length)];
        }
        return [.. copy];
    }
}
