using EcoEnforce.Registry;

namespace EcoEnforce.Core.Tests;

/// <summary>Valid test objects; each test changes only what it is about.</summary>
internal static class Some
{
    private static int _counter;

    public static string Code()
    {
        var n = Interlocked.Increment(ref _counter);
        var first17 = $"91500102{n:D8}0";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    public static Enterprise Enterprise() => new()
    {
        Name = $"测试单位{Interlocked.Increment(ref _counter)}有限公司",
        CreditCode = Code(),
        Address = "重庆市涪陵区李渡街道聚龙大道1号",
        TownshipId = 1,
        Latitude = 29.77,
        Longitude = 107.27,
        IndustryCode = "C2614",
        SupervisionClass = SupervisionClass.Ordinary,
    };
}
