using EcoEnforce.Common.Excel;
using EcoEnforce.Registry;

namespace EcoEnforce.Web.Tests.Infrastructure;

/// <summary>Builds registry import files the way a person would fill the template.</summary>
public static class RegistryWorkbook
{
    private static int _counter;

    public static string CreditCode()
    {
        var first17 = $"91500102{Random.Shared.Next(10_000_000, 99_999_999)}{Interlocked.Increment(ref _counter) % 10}";
        return first17 + EcoEnforce.Registry.CreditCode.CheckCharacter(first17);
    }

    public static Dictionary<string, string> ValidRow(string? name = null) => new()
    {
        [RegistryColumns.Name] = name ?? $"导入测试{Interlocked.Increment(ref _counter)}有限公司",
        [RegistryColumns.CreditCode] = CreditCode(),
        [RegistryColumns.Address] = "重庆市涪陵区李渡街道聚龙大道8号",
        [RegistryColumns.Township] = "李渡街道",
        [RegistryColumns.Longitude] = "107.27",
        [RegistryColumns.Latitude] = "29.77",
        [RegistryColumns.IndustryCode] = "C2614",
        [RegistryColumns.SupervisionClass] = "一般排污单位",
    };

    public static byte[] Build(IEnumerable<Dictionary<string, string>> rows, IReadOnlyList<string>? columns = null)
    {
        columns ??= RegistryColumns.All;
        var sheet = new XlsxSheet("检查对象名录");
        sheet.Rows.Add([.. columns.Select(c => new XlsxCell(c, CellStyle.Header))]);
        foreach (var row in rows)
            sheet.Rows.Add([.. columns.Select(c => new XlsxCell(row.GetValueOrDefault(c)))]);
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheet);
        return stream.ToArray();
    }
}
