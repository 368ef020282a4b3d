using System.Text;

namespace EcoEnforce.Complaints;

/// <summary>Chinese address text made comparable: the same place written "重庆市涪陵区崇义街道太白大道１８号附近工地" by a
/// hotline operator and "崇义街道太白大道18号" in the registry should look alike. Similarity is the Dice coefficient of
/// character bigrams after normalising, with a bonus for the same house number on the same road.</summary>
public static class AddressText
{
    // Administrative prefixes every address in the district shares; they would make every pair look similar.
    private static readonly string[] Prefixes = ["中国", "重庆市", "重庆", "涪陵区", "涪陵"];
    // Words that describe where near the place the complainant stood, not the place itself.
    private static readonly string[] Noise = ["附近", "旁边", "对面", "周边", "一带", "背后", "后面", "楼下", "门口", "示例"];

    public static string Normalise(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return "";
        var sb = new StringBuilder(address.Length);
        foreach (var ch in address.Trim())
        {
            // Full-width ASCII (０-９, Ａ-Ｚ, －) → half-width; the hotline's export mixes both.
            var c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
            if (char.IsWhiteSpace(c) || c is ',' or '，' or '、' or '.' or '。' or '(' or ')' or '（' or '）' or '-' or '—' or '#') continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        var s = sb.ToString();
        foreach (var n in Noise) s = s.Replace(n, "", StringComparison.Ordinal);
        bool stripped;
        do
        {
            stripped = false;
            foreach (var p in Prefixes)
            {
                if (s.StartsWith(p, StringComparison.Ordinal))
                {
                    s = s[p.Length..];
                    stripped = true;
                }
            }
        } while (stripped);
        // "18号附2号" and "18号院" keep the main number; "3栋2单元" is inside the same site.
        var unit = s.IndexOfAny(['栋', '幢', '单']);
        if (unit > 0 && s.LastIndexOf('号', unit) is var hao and > 0) s = s[..(hao + 1)];
        return s;
    }

    /// <summary>The road and house number, e.g. 太白大道18号, if the text has one.</summary>
    public static string? HouseNumber(string normalised)
    {
        var hao = normalised.IndexOf('号', StringComparison.Ordinal);
        if (hao <= 0) return null;
        var start = hao - 1;
        while (start >= 0 && char.IsAsciiDigit(normalised[start])) start--;
        if (start == hao - 1) return null;
        // Back to the end of the road word: 路, 街, 道, 巷.
        var roadEnd = start;
        var roadStart = normalised.LastIndexOfAny(['道', '区', '镇', '乡'], Math.Max(0, roadEnd - 1));
        var road = normalised[(roadStart + 1)..(roadEnd + 1)];
        return road.Length == 0 ? null : road + normalised[(start + 1)..(hao + 1)];
    }

    /// <summary>0–1: how alike two addresses (or an address and an entity name) are.</summary>
    public static double Similarity(string? a, string? b) => SimilarityOfNormalised(Normalise(a), Normalise(b));

    /// <summary><see cref="Similarity"/> of two texts already passed through <see cref="Normalise"/>.</summary>
    public static double SimilarityOfNormalised(string x, string y)
    {
        if (x.Length == 0 || y.Length == 0) return 0;
        if (x == y) return 1;
        var dice = Dice(x, y);
        var hx = HouseNumber(x);
        if (hx is not null && hx == HouseNumber(y)) dice = Math.Max(dice, 0.85);
        else if (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))
            dice = Math.Max(dice, 0.6 + 0.3 * Math.Min(x.Length, y.Length) / Math.Max(x.Length, y.Length));
        return Math.Round(dice, 3);
    }

    /// <summary>0–1: bigram Dice of two free texts (complaint contents), ignoring spaces and punctuation.</summary>
    public static double TextSimilarity(string? a, string? b)
    {
        static string Clean(string? s) => new([.. (s ?? "").Where(char.IsLetterOrDigit)]);
        return Dice(Clean(a), Clean(b));
    }

    private static double Dice(string x, string y)
    {
        var bx = Bigrams(x);
        var by = Bigrams(y);
        if (bx.Count == 0 || by.Count == 0) return 0;
        var common = 0;
        var pool = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in by) pool[g] = pool.GetValueOrDefault(g) + 1;
        foreach (var g in bx)
        {
            if (pool.TryGetValue(g, out var n) && n > 0)
            {
                common++;
                pool[g] = n - 1;
            }
        }
        return 2.0 * common / (bx.Count + by.Count);
    }

    private static List<string> Bigrams(string s)
    {
        var list = new List<string>(Math.Max(0, s.Length - 1));
        for (var i = 0; i + 1 < s.Length; i++) list.Add(s.Substring(i, 2));
        return list;
    }

    /// <summary>The township or street named in the address, from the district's list.</summary>
    public static string? Township(string? address, IEnumerable<string> townshipNames)
    {
        var s = Normalise(address);
        return townshipNames.Where(t => s.Contains(t, StringComparison.Ordinal)).OrderByDescending(t => t.Length).FirstOrDefault();
    }
}
