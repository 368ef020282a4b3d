using EcoEnforce.Registry;

namespace EcoEnforce.Demo;

/// <summary>Fictitious names, phone numbers and credit codes for the demo data set.</summary>
internal static class DemoNames
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林谭冉秦向";
    private static readonly string[] GivenNames =
    [
        "伟", "芳", "敏", "静", "强", "磊", "洋", "勇", "艳", "杰", "军", "涛", "明", "超", "霞", "平", "刚", "桂英",
        "建华", "志强", "海燕", "小红", "文静", "德明", "晓东", "春梅", "国庆", "红梅", "立新", "玉兰", "俊杰", "雪梅",
    ];
    private static readonly string[] Words =
    [
        "恒达", "鑫源", "川江", "渝涪", "长乐", "华盛", "金鼎", "宏远", "新丰", "瑞丰", "博远", "腾达", "聚能", "永盛",
        "江源", "锦程", "天泽", "润丰", "鼎新", "嘉禾", "蓝天", "清源", "兴业", "汇通", "安泰", "昌隆", "盛世", "龙腾",
    ];
    private static readonly string[] Roads = ["滨江路", "太极大道", "兴华路", "人民东路", "中山路", "聚龙大道", "工业大道", "园区大道", "黎明路", "望涪路"];

    public static string Person(Random r) => $"{Surnames[r.Next(Surnames.Length)]}{GivenNames[r.Next(GivenNames.Length)]}";

    public static string Phone(Random r) => $"1{"3589"[r.Next(4)]}{r.Next(0, 10)}{r.Next(10_000_000, 100_000_000)}";

    public static string Word(Random r) => Words[r.Next(Words.Length)];

    public static string Address(Random r, string township) => $"重庆市涪陵区{township}{Roads[r.Next(Roads.Length)]}{r.Next(1, 400)}号";

    /// <summary>A well-formed code for Fuling (division 500102): GB 11714 organisation code inside, GB 32100 check outside.</summary>
    public static string CreditCode(Random r, string prefix = "91")
    {
        const string orgAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var org = new char[8];
        for (var i = 0; i < 8; i++) org[i] = i < 2 ? orgAlphabet[r.Next(10, orgAlphabet.Length)] : orgAlphabet[r.Next(10)];
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
            sum += (char.IsAsciiDigit(org[i]) ? org[i] - '0' : org[i] - 'A' + 10) * weights[i];
        var c9 = 11 - sum % 11;
        var orgCheck = c9 switch { 10 => 'X', 11 => '0', _ => (char)('0' + c9) };
        // X is not in the GB 32100 alphabet; such organisation codes cannot appear, so redraw.
        if (orgCheck == 'X') return CreditCode(r, prefix);
        var first17 = $"{prefix}500102{new string(org)}{orgCheck}";
        return first17 + Registry.CreditCode.CheckCharacter(first17);
    }
}
