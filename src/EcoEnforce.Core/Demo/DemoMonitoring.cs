using EcoEnforce.Monitoring;
using EcoEnforce.Registry;

namespace EcoEnforce.Demo;

/// <summary>Outlets with data loggers for the demo's automatic-monitoring key units, with limits from the usual
/// national standards. MN = 500102 + the unit's number + the outlet's number.</summary>
internal static class DemoMonitoring
{
    private static readonly string[] WaterIndustries = ["C2614", "C2631", "C2710", "D4620", "C1512", "C2662"];

    public static List<MonitoringPoint> For(IReadOnlyList<Enterprise> enterprises)
    {
        var points = new List<MonitoringPoint>();
        var unit = 0;
        foreach (var e in enterprises.Where(e => e.IsAutoMonitoringKeyUnit))
        {
            unit++;
            var water = WaterIndustries.Contains(e.IndustryCode);
            var air = !water || e.IsChemical;
            var outlet = 0;
            if (water) points.Add(Point(e, unit, ++outlet, MonitoringMedium.Water, "废水总排口", WaterLimits()));
            if (air) points.Add(Point(e, unit, ++outlet, MonitoringMedium.Air, "废气排放口", AirLimits(e.IndustryCode)));
        }
        return points;
    }

    private static MonitoringPoint Point(Enterprise e, int unit, int outlet, MonitoringMedium medium, string name, List<MonitoringLimit> limits) => new()
    {
        Enterprise = e,
        Mn = $"50010200{unit:D4}{outlet:D2}",
        Name = $"{name}{outlet}",
        Medium = medium,
        IsDemo = true,
        Limits = limits,
    };

    private static List<MonitoringLimit> WaterLimits() =>
    [
        new() { PollutantCode = "w01018", Limit = 100, Unit = "毫克/升", Basis = "GB 8978-1996 一级（示例）" },
        new() { PollutantCode = "w21003", Limit = 15, Unit = "毫克/升", Basis = "GB 8978-1996 一级（示例）" },
    ];

    private static List<MonitoringLimit> AirLimits(string industry)
    {
        var (so2, nox, dust, basis) = industry switch
        {
            "D4411" => (35.0, 50.0, 10.0, "超低排放（示例）"),
            "C3011" => (100.0, 320.0, 20.0, "GB 4915-2013（示例）"),
            _ => (200.0, 200.0, 20.0, "GB 16297-1996 / 行业标准（示例）"),
        };
        return
        [
            new() { PollutantCode = "a21026", Limit = so2, Unit = "毫克/立方米", Basis = basis },
            new() { PollutantCode = "a21002", Limit = nox, Unit = "毫克/立方米", Basis = basis },
            new() { PollutantCode = "a34013", Limit = dust, Unit = "毫克/立方米", Basis = basis },
        ];
    }
}
