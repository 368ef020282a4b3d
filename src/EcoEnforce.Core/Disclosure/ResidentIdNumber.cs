using System.Globalization;

namespace EcoEnforce.Disclosure;

/// <summary>公民身份号码 per GB 11643-1999 (18 characters, mod 11-2 check) and the older 15-digit form.
/// The masker uses it to tell ID numbers from other long numbers, which must stay public.</summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // First two digits: the province-level divisions of GB/T 2260 (71 Taiwan, 81/82 Hong Kong/Macau as issued).
    private static readonly HashSet<int> Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];

    /// <summary>Province code, birth date and check character all valid.</summary>
    public static bool IsValid(ReadOnlySpan<char> id) => id.Length switch
    {
        18 => HasBirthDate(id) && HasProvince(id) && char.ToUpperInvariant(id[17]) == CheckCharacter(id[..17]),
        15 => HasBirthDate(id) && HasProvince(id),
        _ => false,
    };

    /// <summary>Only the shape and the birth date: enough when the text itself says “身份证”.</summary>
    public static bool HasBirthDate(ReadOnlySpan<char> id)
    {
        foreach (var c in id.Length == 18 ? id[..17] : id)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return id.Length switch
        {
            18 => (char.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x') && IsDate(id.Slice(6, 8), "yyyyMMdd"),
            15 => IsDate(id.Slice(6, 6), "yyMMdd"),
            _ => false,
        };
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("Need exactly 17 digits.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    private static bool HasProvince(ReadOnlySpan<char> id) => Provinces.Contains((id[0] - '0') * 10 + (id[1] - '0'));

    private static bool IsDate(ReadOnlySpan<char> digits, string format)
    {
        // 15-digit numbers were issued before 2000, so their two-digit year is always 19xx.
        var text = format == "yyMMdd" ? "19" + digits.ToString() : digits.ToString();
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year >= 1880;
    }
}
