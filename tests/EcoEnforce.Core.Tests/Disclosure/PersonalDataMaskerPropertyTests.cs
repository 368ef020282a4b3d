using System.Globalization;
using System.Text;
using EcoEnforce.Disclosure;
using static EcoEnforce.Disclosure.PersonalDataMasker;

namespace EcoEnforce.Core.Tests.Disclosure;

/// <summary>Property-style checks with a seeded <see cref="Random"/> (no property-testing library in the solution):
/// personal data generated in every accepted shape, embedded in random Chinese text, is always masked, and the
/// text around it is left exactly as it was.</summary>
public sealed class PersonalDataMaskerPropertyTests
{
    private const int Runs = 400;

    // No character that forms a label (电话, 身份证, 出生, 生于, 信用代码, 设备编号 …) and no Latin letter or digit.
    private const string Filler = "环境执法检查企业排放污水废气噪声固体危险废物整改责令罚款测量超标排污许可建设项目现场核实情况违反规定区县镇街道单位公司工厂设施运行记录台账当事人经查";
    private const string Punctuation = "，。；：、（）“”《》！？";
    private static readonly string[] PublicFragments = ["12.5万元", "2022年8月3日", "渝（涪）环罚〔2022〕12号", "91500102MA5U3XXX0Y", "COD123.45mg/L"];
    private static readonly string[] Regions = ["500102", "500101", "500233", "110105", "510104", "440305", "650102"];

    [Fact]
    public void Generated_personal_data_inside_random_text_is_always_masked_and_nothing_else_changes()
    {
        var random = new Random(20220803);
        for (var run = 0; run < Runs; run++)
        {
            var text = new StringBuilder();
            var expected = new StringBuilder();
            var surrounding = Surrounding(random);
            text.Append(surrounding);
            expected.Append(surrounding);
            for (var item = random.Next(1, 5); item > 0; item--)
            {
                var (value, token) = PersonalDatum(random);
                surrounding = Surrounding(random);
                text.Append(value).Append(surrounding);
                expected.Append(token).Append(surrounding);
            }
            var masked = MaskText(text.ToString());
            Assert.True(expected.ToString() == masked, $"run {run}\n in:  {text}\n out: {masked}\n exp: {expected}");
            Assert.Equal(masked, MaskText(masked));
        }
    }

    [Fact]
    public void Random_text_without_personal_data_is_returned_unchanged()
    {
        var random = new Random(7);
        for (var run = 0; run < Runs; run++)
        {
            var text = Surrounding(random) + Surrounding(random);
            Assert.Equal(text, MaskText(text));
        }
    }

    [Fact]
    public void Every_generated_id_number_is_valid_and_masked_on_its_own()
    {
        var random = new Random(11643);
        for (var run = 0; run < Runs; run++)
        {
            var id = random.Next(4) == 0 ? OldIdNumber(random) : IdNumber(random);
            Assert.True(ResidentIdNumber.IsValid(id), id);
            Assert.Equal(IdNumberToken, MaskText(id));
        }
    }

    private static (string Value, string Token) PersonalDatum(Random random) => random.Next(7) switch
    {
        0 => (IdNumber(random), IdNumberToken),
        1 => (OldIdNumber(random), IdNumberToken),
        2 => (Mobile(random), PhoneToken),
        3 => (Landline(random), PhoneToken),
        4 => (BankAccount(random), BankAccountToken),
        5 => ($"user{random.Next(1000)}@{Pick(random, ["163.com", "qq.com", "fl.gov.cn"])}", EmailToken),
        _ => ("出生日期：" + BirthDate(random), BirthDateToken),
    };

    /// <summary>Random Chinese text that always starts and ends with a Chinese character, so it never runs into the
    /// digits of a neighbouring item.</summary>
    private static string Surrounding(Random random)
    {
        var s = new StringBuilder().Append(Filler[random.Next(Filler.Length)]);
        for (var i = random.Next(0, 12); i > 0; i--)
        {
            var roll = random.Next(10);
            s.Append(roll < 2 ? Punctuation[random.Next(Punctuation.Length)].ToString()
                : roll == 2 ? Pick(random, PublicFragments)
                : Filler[random.Next(Filler.Length)].ToString());
            s.Append(Filler[random.Next(Filler.Length)]);
        }
        return s.ToString();
    }

    internal static string IdNumber(Random random)
    {
        var born = new DateOnly(1930, 1, 1).AddDays(random.Next(75 * 365));
        var first17 = Pick(random, Regions) + born.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
        var check = ResidentIdNumber.CheckCharacter(first17);
        return first17 + (check == 'X' && random.Next(2) == 0 ? 'x' : check);
    }

    private static string OldIdNumber(Random random)
    {
        var born = new DateOnly(1930, 1, 1).AddDays(random.Next(69 * 365));
        return Pick(random, Regions) + born.ToString("yyMMdd", CultureInfo.InvariantCulture) + random.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
    }

    private static string Mobile(Random random)
    {
        var d = $"1{random.Next(3, 10)}{Digits(random, 9)}";
        return random.Next(5) switch
        {
            0 => d,
            1 => $"+86 {d[..3]} {d[3..7]} {d[7..]}",
            2 => $"86-{d}",
            3 => $"{d[..3]}-{d[3..7]}-{d[7..]}",
            _ => $"{d[..3]} {d[3..7]} {d[7..]}",
        };
    }

    private static string Landline(Random random)
    {
        var area = Pick(random, ["023", "010", "0871"]);
        var local = random.Next(2, 9) + Digits(random, 7);
        return random.Next(4) switch
        {
            0 => $"{area}-{local}",
            1 => $"({area}){local}",
            2 => $"（{area}）{local}",
            _ => $"{area} {local[..4]} {local[4..]}",
        };
    }

    private static string BankAccount(Random random)
    {
        while (true)
        {
            var spaced = random.Next(2) == 0;
            var digits = "62" + Digits(random, (spaced ? Pick(random, [16, 19]) : random.Next(16, 20)) - 2);
            if (ResidentIdNumber.IsValid(digits))
                continue; // an 18-digit account that happens to be a valid ID is masked as an ID, correctly
            return spaced ? string.Join(' ', digits.Chunk(4).Select(c => new string(c))) : digits;
        }
    }

    private static string BirthDate(Random random)
    {
        var d = new DateOnly(1930, 1, 1).AddDays(random.Next(75 * 365));
        return random.Next(3) switch
        {
            0 => $"{d.Year}年{d.Month}月{d.Day}日",
            1 => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        };
    }

    private static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
