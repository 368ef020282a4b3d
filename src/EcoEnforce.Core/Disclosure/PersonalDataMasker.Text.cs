using System.Text.RegularExpressions;

namespace EcoEnforce.Disclosure;

public static partial class PersonalDataMasker
{
    public const string IdNumberToken = "[身份证号已隐去]";
    public const string BankAccountToken = "[银行账号已隐去]";
    public const string PhoneToken = "[电话已隐去]";
    public const string EmailToken = "[邮箱已隐去]";
    public const string BirthDateToken = "[出生日期已隐去]";

    private sealed record Rule(Regex Pattern, string? Token, Func<string, bool>? Accept = null);

    // Applied in order to the original text; a match overlapping one already taken is skipped. Rules without a
    // token only reserve public numbers (monitoring MN codes, credit codes) so later rules leave them alone.
    // Tokens contain no digits, so a second pass finds nothing new.
    private static readonly Rule[] Rules =
    [
        new(MonitoringPointCode(), null),
        new(LabelledCreditCode(), null),
        new(Email(), EmailToken),
        new(LabelledIdNumber(), IdNumberToken, v => ResidentIdNumber.HasBirthDate(v.Replace(" ", "", StringComparison.Ordinal))),
        new(IdNumber(), IdNumberToken, v => ResidentIdNumber.IsValid(v.Replace(" ", "", StringComparison.Ordinal))),
        new(BankAccount(), BankAccountToken),
        new(BirthDate(), BirthDateToken),
        new(Mobile(), PhoneToken),
        new(Landline(), PhoneToken),
        new(LabelledLocalNumber(), PhoneToken),
    ];

    /// <summary>Replaces ID numbers, bank accounts, phone numbers, e-mail addresses and birth dates in free text
    /// (facts, descriptions) with fixed tokens. Over-masking is the safe failure: an 18-digit number that is not
    /// a valid ID is still masked as an account unless labelled 统一社会信用代码. Names are not found here; see
    /// <see cref="MaskNamesInText"/>.</summary>
    public static string MaskText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shadow = NarrowFullWidth(text);
        var taken = new List<(int Start, int End, string? Token)>();
        foreach (var rule in Rules)
        {
            foreach (Match match in rule.Pattern.Matches(shadow))
            {
                Capture value = match.Groups["v"].Success ? match.Groups["v"] : match;
                var end = value.Index + value.Length;
                if (rule.Accept is { } accept && !accept(value.Value))
                    continue;
                if (taken.Exists(t => value.Index < t.End && t.Start < end))
                    continue;
                taken.Add((value.Index, end, rule.Token));
            }
        }
        if (!taken.Exists(t => t.Token is not null))
            return text;
        var result = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, end, token) in taken.Where(t => t.Token is not null).OrderBy(t => t.Start))
        {
            result.Append(text, position, start - position).Append(token);
            position = end;
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Full-width ０-９, Ａ-Ｚ, ＠, （） and ： are common in Chinese documents. Matching runs on a copy with
    /// them narrowed, character for character, so positions still fit the original.</summary>
    private static string NarrowFullWidth(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
        }
    });

    // HJ 212 MN codes and device numbers are public identifiers of monitoring points.
    [GeneratedRegex(@"(?:MN|设备编号|监测点编号)\s*[:=]?\s*(?<v>[0-9A-Za-z]{14,})")]
    private static partial Regex MonitoringPointCode();

    [GeneratedRegex(@"信用代码\s*(?:[:]|为|是)?\s*(?<v>[0-9A-Za-z]{18})(?![0-9A-Za-z])")]
    private static partial Regex LabelledCreditCode();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // After “身份证” the birth date alone is enough: a mistyped check digit still identifies the person.
    [GeneratedRegex(@"(?:公民身份号码|身份证)(?:号码|号)?\s*(?:[:]|为|是)?\s*(?<v>" + IdShape + @")(?![\dXx])")]
    private static partial Regex LabelledIdNumber();

    [GeneratedRegex(@"(?<!\d)(?<!\d\.)(?<v>" + IdShape + @")(?![\dXx])")]
    private static partial Regex IdNumber();

    // Region, birth date and sequence may be written apart: 500102 19800101 1231.
    private const string IdShape = @"\d{6} ?\d{8} ?\d{3}[\dXx]|\d{15}";

    [GeneratedRegex(@"(?<!\d)(?<!\d\.)(?:\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?|\d{16,19})(?!\d)")]
    private static partial Regex BankAccount();

    // 出生日期：1980年3月5日, 生于1980-03-05, and the judgment style “男，1980年3月5日生，汉族”. Not 发生于/产生于,
    // which date events, and not 日生产.
    [GeneratedRegex(@"(?:出生日期|出生年月日|出生年月|出生于|(?<![发产滋衍派萌])生于)\s*(?:[:]|为|是)?\s*(?:" + Date + @")|(?<!\d)(?:" + Date + @")\s*(?:出生|生(?=[,，。；;、)\s]|$))")]
    private static partial Regex BirthDate();

    private const string Date =
        @"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{8}(?!\d)"
        + "|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?";

    [GeneratedRegex(@"(?<!\d)(?<!\d\.)(?:(?:\+|00)?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")]
    private static partial Regex Mobile();

    // 023-72899063, (023)72899063, 023 7289 9063, 02372899063.
    [GeneratedRegex(@"(?<!\d)(?<!\d\.)(?:\(0\d{2,3}\)[ -]?|0\d{2,3}[ -]?)\d{3,4}[ -]?\d{4}(?!\d)")]
    private static partial Regex Landline();

    // An 8-digit local number counts as a phone only after a label such as 联系电话, or later in a list that follows
    // one (电话：023-72899063、72899065). The list may hold tokens from an earlier pass, which keeps re-masking stable.
    [GeneratedRegex(@"(?=\d{8}(?!\d))(?<!\d)(?<=(?:电话|手机|座机|传真|联系方式|tel)(?:号码)?(?:为|是)?\s*[:.]?\s*(?:(?:\(?\+?\d[\d ()+-]{5,}\d|\[电话已隐去\])" + ListSeparator + @")*)\d{8}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledLocalNumber();

    private const string ListSeparator = @"(?:\s*[、,/]\s*(?:或者|或|和|及)?|\s*(?:或者|或|和|及)|\s+)\s*";
}
