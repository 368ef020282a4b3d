using System.Text;
using EcoEnforce.Registry;

namespace EcoEnforce.Core.Tests.Fuzz;

/// <summary>Valid files for each importer, the seeds the fuzzers edit, and the checks every importer's errors must pass.</summary>
public static class FuzzTables
{
    private static string Code(int n)
    {
        var first17 = $"91500102{10_000_000 + n * 7919}{n % 10}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static string[] RegistryRow(int n)
    {
        var values = new Dictionary<string, string>
        {
            [RegistryColumns.Name] = $"模糊测试{n}有限公司", [RegistryColumns.CreditCode] = Code(n),
            [RegistryColumns.Address] = "重庆市涪陵区李渡街道聚龙大道8号", [RegistryColumns.Township] = "李渡街道",
            [RegistryColumns.Longitude] = "107.27", [RegistryColumns.Latitude] = "29.77", [RegistryColumns.IndustryCode] = "C2614",
            [RegistryColumns.SupervisionClass] = "一般排污单位", [RegistryColumns.ConstructionStart] = "2022-01-01",
            [RegistryColumns.ContactPhone] = "023-72222222",
        };
        return [.. RegistryColumns.All.Select(c => values.GetValueOrDefault(c)!)];
    }

    public static readonly string[][] Registry = [RegistryColumns.All, RegistryRow(1), RegistryRow(2), RegistryRow(3)];

    public static readonly string[][] Complaints =
    [
        ["工单编号", "受理时间", "诉求内容", "事发地址", "联系电话"],
        ["GD2022001", "2022-06-08 22:15", "工地夜间施工，\"噪音\"很大", "崇义街道太白大道18号", "13800000000"],
        ["GD2022002", "2022-06-09 08:00", "化工厂排放刺鼻气味", "李渡街道聚龙大道8号", ""],
    ];

    public static readonly string[][] Comparison =
    [
        ["时间", "a21026", "氮氧化物(mg/m³)", "01"],
        ["2022-08-01 08:00", "35.2", "120", "5"],
        ["2022-08-01 09:00", "36", "118.5", "6.5"],
        ["2022-08-01 10:00", "", "119", "1e3"],
    ];

    public static byte[] Csv(string[][] table, Encoding? encoding = null) =>
        (encoding ?? Encoding.UTF8).GetBytes(string.Join("\r\n", table.Select(r => string.Join(",", r.Select(Quote)))) + "\r\n");

    private static string Quote(string? v) => v is null ? "" : v.Contains(',') || v.Contains('"') ? $"\"{v.Replace("\"", "\"\"")}\"" : v;

    public static bool IsChinese(string message) => message.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    /// <summary>An importer's message for a row names the row as 第N行 with N between 1 and the file's last line.</summary>
    public static void AssertRowMessage(string message, int lines)
    {
        Assert.True(IsChinese(message), message);
        var match = System.Text.RegularExpressions.Regex.Match(message, @"第\s*(-?\d+)\s*行");
        if (match.Success) Assert.InRange(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, Math.Max(1, lines));
    }
}
