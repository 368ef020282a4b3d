using System.Globalization;
using System.Text;
using EcoEnforce.Hj212;

namespace EcoEnforce.Receiver.Tests.Hj212;

/// <summary>The decode's fast paths against the plain code they replace, on seeded random input.</summary>
public class FastPathTests
{
    [Fact]
    public void Block_scanner_cuts_the_same_tokens_as_the_byte_tokenizer()
    {
        var random = new Random(64);
        const string alphabet = "ab0;,=-- \t=;";
        for (var run = 0; run < 3000; run++)
        {
            // Lengths around one and two blocks, and long tokens that span blocks.
            var data = new byte[random.Next(0, 200)];
            var spread = random.Next(3) == 0 ? 40 : alphabet.Length;
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = random.Next(spread) < alphabet.Length ? (byte)alphabet[random.Next(alphabet.Length)] : (byte)'x';
            }
            var end = random.Next(data.Length + 1);
            var pos = data.Length == 0 ? 0 : random.Next(Math.Max(1, end / 4));
            var scanner = new Hj212Scanner(data, end);
            while (pos < end)
            {
                var expected = Hj212Tokenizer.Next(data, pos, end);
                Assert.Equal(expected, scanner.Next(pos));
                pos = expected.End + 1;
            }
        }
    }

    [Fact]
    public void Short_numbers_parse_as_the_general_loop_does()
    {
        var random = new Random(8);
        const string alphabet = "0123456789.-+e x";
        for (var run = 0; run < 20000; run++)
        {
            var text = run % 2 == 0
                ? RandomNumber(random)
                : new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var bytes = Encoding.ASCII.GetBytes(text);

            var parsed = Hj212Number.TryParse(bytes, out var value);
            var expected = Hj212Number.TryParseLong(bytes, out var expectedValue);

            Assert.Equal(expected, parsed);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedValue), BitConverter.DoubleToInt64Bits(value));
        }
    }

    [Fact]
    public void Numbers_read_in_place_parse_as_spans_do()
    {
        var random = new Random(12);
        for (var run = 0; run < 5000; run++)
        {
            var text = RandomNumber(random) + (random.Next(2) == 0 ? "x" : "");
            // The number inside a buffer with random bytes after it, or at the very end of it.
            var padding = random.Next(3) == 0 ? 0 : random.Next(1, 12);
            var data = Encoding.ASCII.GetBytes(text + new string('9', padding));
            var range = new FieldRange(0, text.Length);

            var expected = Hj212Number.TryParse(range.Of(data), out var expectedValue);

            Assert.Equal(expected, Hj212Number.TryParse(data, range, out var value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedValue), BitConverter.DoubleToInt64Bits(value));
        }
    }

    [Theory]
    [InlineData("QN\0=1;ST=32")]
    [InlineData("Q=1;ST=32")]
    [InlineData("PNOX=1;ST=32")]
    public void Header_keys_match_by_exact_name(string header) =>
        Assert.True(Hj212Header.Parse(Encoding.ASCII.GetBytes(header)).Deviations.HasFlag(Hj212Deviations.UnknownHeaderField));

    [Theory]
    [InlineData("5.", 5.0)]
    [InlineData(".5", 0.5)]
    [InlineData("-0", -0.0)]
    [InlineData("+0.25", 0.25)]
    [InlineData("99999999", 99999999.0)]
    [InlineData("-9999999", -9999999.0)]
    [InlineData("1234.567", 1234.567)]
    public void Short_number_edge_cases(string text, double expected)
    {
        Assert.True(Hj212Number.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("+")]
    [InlineData("1.2.")]
    [InlineData("1-2")]
    [InlineData("12 ")]
    public void Short_non_numbers_are_refused(string text) =>
        Assert.False(Hj212Number.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("Rtd", CpFieldKind.Rtd)]
    [InlineData("ZsAvg", CpFieldKind.ZsAvg)]
    [InlineData("DayData", CpFieldKind.DayData)]
    [InlineData("RS", CpFieldKind.RS)]
    [InlineData("SampleTime", CpFieldKind.SampleTime)]
    [InlineData("NightData", CpFieldKind.NightData)]
    [InlineData("rtd", CpFieldKind.Other)]
    [InlineData("Rt", CpFieldKind.Other)]
    [InlineData("Rtd\0", CpFieldKind.Other)]
    [InlineData("", CpFieldKind.Other)]
    [InlineData("ValidNum", CpFieldKind.Other)]
    public void Suffixes_classify_by_exact_name(string name, CpFieldKind kind) =>
        Assert.Equal(kind, CpField.Classify(Encoding.ASCII.GetBytes(name)));

    [Fact]
    public void Every_suffix_name_classifies_to_its_kind()
    {
        foreach (var kind in Enum.GetValues<CpFieldKind>().Where(k => k is not CpFieldKind.Other and not CpFieldKind.Scalar))
        {
            Assert.Equal(kind, CpField.Classify(Encoding.ASCII.GetBytes(kind.ToString())));
        }
    }

    [Fact]
    public void Code_table_maps_as_the_dictionaries_do()
    {
        var random = new Random(2017);
        var codes = PollutantCodes.All.SelectMany(r => new[] { r.Code2017, r.Code2005 }).OfType<string>()
            .Concat(["", "w0101", "w010188", "a21026\0", "B0", "0111", "SB1", "w01018x", "LA", "123456789"])
            .Concat(Enumerable.Range(0, 2000).Select(_ => new string(Enumerable.Range(0, random.Next(0, 10))
                .Select(_ => "aw0123B"[random.Next(7)]).ToArray())));
        foreach (var code in codes)
        {
            var bytes = Encoding.ASCII.GetBytes(code);
            string? expected = null;
            var expectedWas2005 = false;
            if (PollutantCodes.TryGet2017(bytes, out var row))
            {
                expected = row.Code2017;
            }
            else if (PollutantCodes.TryGet2005(bytes, out row))
            {
                (expected, expectedWas2005) = (row.Code2017, true);
            }

            Assert.Equal(expected, PollutantCodes.To2017(bytes, out var was2005));
            Assert.Equal(expectedWas2005, was2005);
        }
    }

    private static string RandomNumber(Random random)
    {
        var value = (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(0, 9));
        var text = value.ToString("F" + random.Next(0, 6), CultureInfo.InvariantCulture);
        return random.Next(8) == 0 ? "+" + text.TrimStart('-') : text;
    }
}
