namespace EcoEnforce.Hj212;

public enum Hj212Verdict
{
    Valid,
    ValidLenient,
    Invalid,
}

/// <summary>Turns deviation flags into the verdict and kebab-case reason codes used in reports and the sample files.</summary>
public static class Hj212Verdicts
{
    public const Hj212Deviations Errors =
        Hj212Deviations.NoHeader | Hj212Deviations.LengthFieldInvalid | Hj212Deviations.LengthMismatch
        | Hj212Deviations.Oversize | Hj212Deviations.Truncated | Hj212Deviations.CrcMissing
        | Hj212Deviations.CrcMismatch | Hj212Deviations.CrcNonstandard | Hj212Deviations.CrcNotPadded;

    public const Hj212Deviations Lenient =
        Hj212Deviations.CrcLowercase | Hj212Deviations.LfOnlyTerminator | Hj212Deviations.CrOnlyTerminator
        | Hj212Deviations.NoTerminator | Hj212Deviations.LengthCountsCharacters;

    public static Hj212Verdict Of(Hj212Deviations deviations) =>
        (deviations & Errors) != 0 ? Hj212Verdict.Invalid
        : (deviations & Lenient & ~Hj212Deviations.LengthCountsCharacters) != 0 ? Hj212Verdict.ValidLenient
        : Hj212Verdict.Valid;

    /// <summary>The reasons behind <see cref="Of"/>: errors when invalid, leniencies when lenient.</summary>
    public static IReadOnlyList<string> Reasons(Hj212Deviations deviations)
    {
        var mask = Of(deviations) switch
        {
            Hj212Verdict.Invalid => Errors,
            Hj212Verdict.ValidLenient => Lenient & ~Hj212Deviations.LengthCountsCharacters,
            _ => Hj212Deviations.None,
        };
        return Codes(deviations & mask);
    }

    public static IReadOnlyList<string> Codes(Hj212Deviations deviations)
    {
        var codes = new List<string>();
        for (var bit = 0; bit < 64; bit++)
        {
            var flag = (Hj212Deviations)(1UL << bit);
            if ((deviations & flag) != 0)
            {
                codes.Add(Code(flag));
            }
        }
        return codes;
    }

    public static string Code(Hj212Deviations flag) => flag switch
    {
        Hj212Deviations.NoHeader => "no-header",
        Hj212Deviations.LengthFieldInvalid => "length-field",
        Hj212Deviations.LengthMismatch => "length",
        Hj212Deviations.Oversize => "oversize",
        Hj212Deviations.Truncated => "truncated",
        Hj212Deviations.CrcMissing => "crc-missing",
        Hj212Deviations.CrcMismatch => "crc",
        Hj212Deviations.CrcNonstandard => "crc-nonstandard",
        Hj212Deviations.CrcNotPadded => "crc-not-padded",
        Hj212Deviations.CrcLowercase => "crc-lowercase",
        Hj212Deviations.LfOnlyTerminator => "lf-terminator",
        Hj212Deviations.CrOnlyTerminator => "cr-terminator",
        Hj212Deviations.NoTerminator => "no-terminator",
        Hj212Deviations.LengthCountsCharacters => "length-counts-characters",
        Hj212Deviations.QnMissing => "qn-missing",
        Hj212Deviations.QnEmpty => "qn-empty",
        Hj212Deviations.QnMalformed => "qn-malformed",
        Hj212Deviations.FlagMissing => "flag-missing",
        Hj212Deviations.FlagMalformed => "flag-malformed",
        Hj212Deviations.FieldOrder => "field-order",
        Hj212Deviations.CommaInHeader => "comma-in-header",
        Hj212Deviations.NoSeparatorBeforeCp => "no-separator-before-cp",
        Hj212Deviations.Whitespace => "whitespace",
        Hj212Deviations.PnumWithoutDBit => "pnum-without-d-bit",
        Hj212Deviations.DBitWithoutPnum => "d-bit-without-pnum",
        Hj212Deviations.DuplicateField => "duplicate-field",
        Hj212Deviations.UnknownHeaderField => "unknown-header-field",
        Hj212Deviations.MalformedField => "malformed-field",
        Hj212Deviations.StNonstandard => "st-nonstandard",
        Hj212Deviations.MnNonstandard => "mn-nonstandard",
        Hj212Deviations.CnMissing => "cn-missing",
        Hj212Deviations.CnMalformed => "cn-malformed",
        Hj212Deviations.CpMissing => "cp-missing",
        Hj212Deviations.CpNotClosed => "cp-not-closed",
        Hj212Deviations.TrailingSeparator => "trailing-separator",
        Hj212Deviations.EmptyField => "empty-field",
        Hj212Deviations.TimeWithMilliseconds => "time-with-milliseconds",
        Hj212Deviations.CommaBetweenItems => "comma-between-items",
        Hj212Deviations.FieldWithoutCode => "field-without-code",
        Hj212Deviations.Code2005 => "code-2005",
        Hj212Deviations.NonstandardCode => "nonstandard-code",
        Hj212Deviations.UnknownSuffix => "unknown-suffix",
        Hj212Deviations.NonAscii => "non-ascii",
        Hj212Deviations.TextNotUtf8 => "text-not-utf8",
        Hj212Deviations.CpTooLong => "cp-too-long",
        Hj212Deviations.PnoOutOfRange => "pno-out-of-range",
        _ => "unknown",
    };
}
