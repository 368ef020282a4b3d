using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EcoEnforce.Disclosure;

/// <summary>Removes individuals' personal data before anything is published (一公开). Every method is idempotent:
/// masking twice gives the same text as masking once, so a publishing step can safely re-mask.</summary>
public static partial class PersonalDataMasker
{
    public const string Placeholder = "某";
    public const string Elided = "**";

    // Kept whole so 欧阳娜娜 becomes 欧阳某, not 欧某. The list is the common compound surnames only: each entry
    // can also be a single surname plus a given-name character (东方红), and then one extra character shows.
    private static readonly HashSet<string> CompoundSurnames =
    [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙", "长孙", "宇文",
        "轩辕", "澹台", "端木", "独孤", "南宫", "万俟", "闻人", "赫连", "申屠", "司空", "钟离", "鲜于", "呼延", "拓跋",
        "西门", "太史", "公羊", "濮阳", "宗政", "百里", "东郭", "左丘", "第五", "闾丘", "颛孙", "公冶", "漆雕", "乐正",
    ];

    /// <summary>张三 → 张某; 欧阳娜娜 → 欧阳某; 张 → 某; John Smith → J某 (first letter, whatever the name order,
    /// so the public sees a name was there without learning it).</summary>
    public static string MaskPersonName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
            return trimmed;
        var first = Rune.GetRuneAt(trimmed, 0);
        if (!IsHan(first))
            return Rune.IsLetter(first) ? Rune.ToUpperInvariant(first) + Placeholder : Placeholder;
        if (trimmed.Length == first.Utf16SequenceLength)
            return Placeholder;
        if (trimmed.Length >= 3 && CompoundSurnames.Contains(trimmed[..2]))
            return trimmed[..2] + Placeholder;
        return first + Placeholder;
    }

    /// <summary>Replaces every occurrence of the named individuals (party, legal representative of an individual
    /// business, witnesses) with their masked form. One-character names are ignored: replacing every 张 in a
    /// text would destroy it, and such names are masked where they appear as fields.</summary>
    public static string MaskNamesInText(string text, IEnumerable<string> knownPersonNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownPersonNames);
        var names = knownPersonNames
            .Select(n => n?.Trim() ?? "")
            .Where(n => n.Length >= 2)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length) // longest first, so 王小明 wins over 王小 at the same position
            .ToList();
        if (names.Count == 0)
            return text;
        // Latin names only match as whole words (Li must not hit Link); Chinese text has no word breaks to rely on.
        var pattern = string.Join("|", names.Select(n =>
            (char.IsAsciiLetter(n[0]) ? @"(?<![A-Za-z])" : "") + Regex.Escape(n) + (char.IsAsciiLetter(n[^1]) ? @"(?![A-Za-z])" : "")));
        return Regex.Replace(text, pattern, m => MaskPersonName(m.Value),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>An individual's address down to the township (…街道/镇/乡), the rest replaced by **:
    /// 重庆市涪陵区李渡街道聚龙大道1号 → 重庆市涪陵区李渡街道**. Without a township it keeps the
    /// province/city/district prefix; without even that, only ** remains.</summary>
    public static string MaskAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        if (trimmed.Length == 0)
            return trimmed;
        var keep = AdministrativePrefix().Match(trimmed).Length;
        var township = Township().Match(trimmed, keep);
        if (township.Success)
        {
            keep = township.Index + township.Length;
            // 新镇街道: the lazy match stops at 镇, but the street office is the unit.
            if (trimmed.AsSpan(keep).StartsWith("街道", StringComparison.Ordinal))
                keep += 2;
        }
        return keep == trimmed.Length ? trimmed : trimmed[..keep] + Elided;
    }

    private static bool IsHan(Rune rune) =>
        rune.Value is (>= 0x3400 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF)
        && Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter;

    // Province, prefecture and county units: 重庆市涪陵区, 四川省甘孜藏族自治州乡城县. The name part may not contain
    // a unit suffix, so 镇江市 and 乡宁县 are read as cities and counties, not as townships.
    [GeneratedRegex(@"^(?:[^\d\s省市区县旗州盟路街道巷号弄村组*]{1,10}(?:省|自治区|市|自治州|州|盟|地区|区|县|旗))*")]
    private static partial Regex AdministrativePrefix();

    [GeneratedRegex(@"\G[^\d\s省市区县旗州盟路巷号弄村组*]{1,10}?(?:街道|镇|乡)")]
    private static partial Regex Township();
}
