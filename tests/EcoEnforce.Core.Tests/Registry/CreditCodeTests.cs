using EcoEnforce.Registry;

namespace EcoEnforce.Core.Tests.Registry;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the worked example published with GB 32100
    [InlineData("91500102MA5U5X8Y1B")]
    public void Accepts_codes_with_a_correct_check_character(string code)
    {
        // The second code is built here from its first 17 characters, so only the first is an external fact.
        if (code != "91350100M000100Y43") code = code[..17] + CreditCode.CheckCharacter(code.AsSpan(0, 17));
        Assert.Null(CreditCode.Validate(code));
    }

    [Fact]
    public void Rejects_a_wrong_check_character_and_names_the_right_one()
    {
        var error = CreditCode.Validate("91350100M000100Y44");
        Assert.Equal("统一社会信用代码校验位错误（应为“3”）", error);
    }

    [Theory]
    [InlineData("", "18位")]
    [InlineData("9135010", "18位")]
    [InlineData("91350100M000100YI3", "非法字符“I”")]
    [InlineData("913501O0M000100Y43", "非法字符“O”")]
    [InlineData("9135A100M000100Y43", "行政区划代码")]
    public void Rejects_malformed_codes_with_a_reason(string code, string reason) =>
        Assert.Contains(reason, CreditCode.Validate(code), StringComparison.Ordinal);

    [Fact]
    public void Lower_case_and_surrounding_spaces_are_normalised() =>
        Assert.Null(CreditCode.Validate("  91350100m000100y43 "));

    [Fact]
    public void Any_single_character_change_is_detected()
    {
        const string valid = "91350100M000100Y43";
        for (var i = 0; i < 17; i++)
        {
            foreach (var replacement in CreditCode.Alphabet.Where(c => c != valid[i]))
            {
                if (i is >= 2 and < 8 && !char.IsAsciiDigit(replacement)) continue;
                var changed = valid[..i] + replacement + valid[(i + 1)..];
                Assert.False(CreditCode.IsValid(changed), changed);
            }
        }
    }
}
