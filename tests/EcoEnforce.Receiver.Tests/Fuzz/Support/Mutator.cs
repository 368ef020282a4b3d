using System.Text;
using CsCheck;

namespace EcoEnforce.Tests.Fuzzing;

public enum MutationKind
{
    FlipBit,
    SetByte,
    Delete,
    InsertToken,
    ReplaceWithToken,
    RepeatToken,
    DuplicateSpan,
    Truncate,
}

/// <summary>One edit of a byte string. Positions are fractions of the current length so a shrunk list still applies.</summary>
public sealed record Mutation(MutationKind Kind, double At, int Size, int Token)
{
    public override string ToString() => $"{Kind}@{At:F3}/{Size}/{Token}";
}

/// <summary>
/// A mutational fuzzer in CsCheck's terms: an input is a valid seed plus a list of edits, so CsCheck shrinks a failure
/// to the fewest, smallest edits of the smallest seed. Edits insert tokens from a dictionary of what breaks parsers
/// (separators, NUL, invalid UTF-8, GBK, huge numbers, extreme dates) as well as blind bit flips and truncation.
/// </summary>
public sealed class Mutator(IReadOnlyList<byte[]> tokens)
{
    /// <summary>Tokens every text format should survive.</summary>
    public static readonly string[] CommonText =
    [
        "\0", "\r\n", "\n", "\r", ",", ";", "=", "\"", "\"\"", "-", "&&", "##", " ", "\t", "\uFEFF", "\u202E", "0", "-1",
        "1e309", "-1e309", "NaN", "Infinity", "-0", "4294967296", "2147483648", "-2147483649", "99999999999999999999999999",
        "0.000000000000000000000000000001", "0001-01-01 00:00", "9999-12-31 23:59", "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00", "2022-02-30 25:61", "锟斤拷", "烫烫烫", "二氧化硫", "时间", "\uD83D\uDE00", "%s%n", "{0}",
        "<x>", "&amp;", "=SUM(A1:B2)", "@", "+", "'",
    ];

    /// <summary>Bytes that are not UTF-8, or are GB18030 text.</summary>
    public static readonly byte[][] CommonBytes =
    [
        [0xC3], [0xFF], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
        [0xBC, 0xE0, 0xB2, 0xE2], // "监测" in GBK
        [0x81, 0x30, 0x81, 0x30], // a GB18030 four-byte sequence
        [0xA1], [0xEF, 0xBB, 0xBF],
    ];

    public IReadOnlyList<byte[]> Tokens { get; } = tokens;

    public static Mutator With(params string[] extra) =>
        new([.. CommonText.Concat(extra).Select(Encoding.UTF8.GetBytes), .. CommonBytes]);

    public Gen<Mutation> Edit =>
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Double[0, 1], Gen.Int[0, 300], Gen.Int[0, Tokens.Count - 1],
            (k, at, size, token) => new Mutation(k, at, size, token));

    /// <summary>0 to <paramref name="max"/> edits, fewer being likelier (CsCheck sizes favour short lists).</summary>
    public Gen<Mutation[]> Edits(int max) => Edit.Array[0, max];

    public byte[] Apply(byte[] input, IEnumerable<Mutation> edits)
    {
        var bytes = new List<byte>(input);
        foreach (var m in edits)
        {
            var at = (int)(m.At * bytes.Count);
            var token = Tokens[m.Token];
            switch (m.Kind)
            {
                case MutationKind.FlipBit when bytes.Count > 0:
                    at = Math.Min(at, bytes.Count - 1);
                    bytes[at] ^= (byte)(1 << (m.Size % 8));
                    break;
                case MutationKind.SetByte when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = (byte)m.Size;
                    break;
                case MutationKind.Delete:
                    bytes.RemoveRange(at, Math.Min(1 + m.Size % 16, bytes.Count - at));
                    break;
                case MutationKind.InsertToken:
                    bytes.InsertRange(at, token);
                    break;
                case MutationKind.ReplaceWithToken:
                    bytes.RemoveRange(at, Math.Min(token.Length, bytes.Count - at));
                    bytes.InsertRange(at, token);
                    break;
                case MutationKind.RepeatToken:
                    // Up to 5,600 repeats: long strings, long digit runs, giant rows.
                    bytes.InsertRange(at, Enumerable.Repeat(token, m.Size * m.Size / 16 + 2).SelectMany(t => t));
                    break;
                case MutationKind.DuplicateSpan:
                    var length = Math.Min(1 + m.Size * 4, bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case MutationKind.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }
        return [.. bytes];
    }
}
