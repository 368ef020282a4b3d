namespace EcoEnforce.Registry;

/// <summary>统一社会信用代码 per GB 32100-2015: 18 characters from a 31-symbol alphabet,
/// the last a weighted mod-31 check character.</summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Null when valid, otherwise the reason in Chinese.</summary>
    public static string? Validate(string? code)
    {
        var c = Normalize(code);
        if (c.Length != 18)
            return $"统一社会信用代码应为18位，实际为{c.Length}位";
        foreach (var ch in c)
        {
            if (!Alphabet.Contains(ch, StringComparison.Ordinal))
                return $"统一社会信用代码含非法字符“{ch}”（不使用I、O、Z、S、V）";
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(c[i]))
                return "统一社会信用代码第3–8位应为行政区划代码（数字）";
        }
        var expected = CheckCharacter(c.AsSpan(0, 17));
        return c[17] == expected ? null : $"统一社会信用代码校验位错误（应为“{expected}”）";
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("Need exactly 17 characters.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
                throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet.", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }
}
