using System.Globalization;
using EcoEnforce.Common;
using EcoEnforce.Targeting;

namespace EcoEnforce.Web.Infrastructure;

/// <summary>The risk model's weights and reasons in words an officer can repeat to the entity it concerns.</summary>
public static class RiskText
{
    /// <summary>Days since the last inspection move the odds little per day; a month is the unit people think in.</summary>
    private const int DaysUnit = 30;

    public static string Value(string feature, object value) => (feature, value) switch
    {
        ("监管类别", string s) => Enum.TryParse<Registry.SupervisionClass>(s, out var c) ? Labels.SupervisionClasses[c] : s,
        ("排污许可", string s) => Enum.TryParse<Registry.PermitManagementType>(s, out var p) ? Labels.PermitTypes[p] : s,
        ("化工" or "环境风险" or "自动监控重点单位" or "正面清单", double d) => d > 0 ? "是" : "否",
        (_, double d) => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Reason(RiskModel.Reason r) => $"{r.Feature} {Value(r.Feature, r.Value)}";

    public static string Reasons(IEnumerable<RiskModel.Reason> reasons) => string.Join("；", reasons.Select(Reason));

    /// <summary>「既往问题数每增加 1，发现问题的几率乘以 1.35」.</summary>
    public static string Explain(RiskModel.Factor f)
    {
        if (f.Level is { } level)
            return $"{f.Feature}为「{Value(f.Feature, level)}」时，发现问题的几率是该项其他情况的 {Odds(f.PerUnit)} 倍";
        return f.Feature switch
        {
            "化工" or "环境风险" or "自动监控重点单位" or "正面清单" => $"属于{f.Feature}的单位，发现问题的几率是其他单位的 {Odds(f.PerUnit)} 倍",
            "距上次检查天数" => $"距上次检查每多 {DaysUnit} 天，发现问题的几率乘以 {Odds(f.PerUnit * DaysUnit)}",
            _ => $"{f.Feature}每增加 1，发现问题的几率乘以 {Odds(f.PerUnit)}",
        };
    }

    private static string Odds(double logOdds) => Math.Exp(logOdds).ToString("0.00", CultureInfo.InvariantCulture);
}
