using EcoEnforce.Hj212;

namespace EcoEnforce.Web.Infrastructure;

public static class PollutantNames
{
    /// <summary>The Chinese name from HJ 212-2017 tables B.1/B.2, or the code itself for codes outside them.</summary>
    public static string Of(string code) => PollutantCodes.TryGet2017(code, out var row) ? row.NameZh : code;
}
