using EcoEnforce.Draws;

namespace EcoEnforce.Core.Tests.Draws;

public class DrawStreamTests
{
    [Fact]
    public void UniformBelow_three_is_unbiased()
    {
        using var stream = new DrawStream(DrawData.Seed("uniform-3"));
        stream.Start("test");
        var counts = new int[3];
        const int draws = 300_000;
        for (var i = 0; i < draws; i++) counts[stream.UniformBelow(3)]++;

        // Chi-square with 2 degrees of freedom; 13.82 is the 0.1 % critical value. The stream is seeded, so this
        // never flakes: it either always passes or the generator is biased.
        var chi = counts.Sum(c => Math.Pow(c - draws / 3.0, 2) / (draws / 3.0));
        Assert.True(chi < 13.82, $"chi-square {chi:F2}, counts {string.Join(",", counts)}");
    }

    [Fact]
    public void Words_below_the_threshold_are_rejected_not_folded()
    {
        // For n = 2^63 + 1, 2^64 mod n = 2^63 − 1: nearly half of all words would land on a biased residue.
        using var stream = new DrawStream(DrawData.Seed("reject"));
        stream.Start("test");
        var n = (1UL << 63) + 1;
        var threshold = (0 - n) % n;
        Assert.Equal((1UL << 63) - 1, threshold);
        var words = new List<ulong>();
        using (var copy = new DrawStream(DrawData.Seed("reject")))
        {
            copy.Start("test");
            for (var i = 0; i < 400; i++) words.Add(copy.NextWord());
        }

        var expected = words.Where(w => w >= threshold).Take(100).Select(w => w % n).ToList();
        var actual = Enumerable.Range(0, 100).Select(_ => stream.UniformBelow(n)).ToList();

        Assert.Equal(expected, actual);
        Assert.InRange(stream.Rejections, 60, 140);
        Assert.All(actual, v => Assert.True(v < n));
    }

    [Fact]
    public void Labels_give_independent_streams_that_restart_at_block_zero()
    {
        using var stream = new DrawStream(DrawData.Seed("labels"));
        stream.Start("objects/Ordinary");
        var first = Enumerable.Range(0, 6).Select(_ => stream.NextWord()).ToList();
        stream.Start("team/1");
        var other = Enumerable.Range(0, 6).Select(_ => stream.NextWord()).ToList();
        stream.Start("objects/Ordinary");
        var again = Enumerable.Range(0, 6).Select(_ => stream.NextWord()).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void First_word_is_the_first_eight_bytes_of_the_hmac_of_label_and_counter_zero()
    {
        var key = DrawData.Seed("hmac");
        using var stream = new DrawStream(key);
        stream.Start("team/1");
        var block = System.Security.Cryptography.HMACSHA256.HashData(key, (byte[])[.. "team/1"u8, 0, 0, 0, 0, 0, 0, 0, 0]);

        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(block), stream.NextWord());
    }
}
