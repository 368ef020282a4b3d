namespace EcoEnforce.Monitoring;

public enum MonitoringMedium
{
    Water = 0,
    Air = 1,
}

/// <summary>An outlet with an automatic-monitoring data logger (数采仪), identified on the wire by its MN.</summary>
public sealed class MonitoringPoint
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Registry.Enterprise? Enterprise { get; set; }
    /// <summary>The device's MN (设备唯一标识), unique.</summary>
    public required string Mn { get; set; }
    public required string Name { get; set; }
    public MonitoringMedium Medium { get; set; }
    public bool IsDemo { get; set; }
    public List<MonitoringLimit> Limits { get; set; } = [];
}

/// <summary>An emission limit for one pollutant at one outlet, from the discharge standard or the permit.</summary>
public sealed class MonitoringLimit
{
    public int Id { get; set; }
    public int MonitoringPointId { get; set; }
    /// <summary>HJ 212-2017 code, e.g. a21026 (SO₂), w01018 (COD).</summary>
    public required string PollutantCode { get; set; }
    public double Limit { get; set; }
    public required string Unit { get; set; }
    /// <summary>Where the limit comes from, e.g. "GB 13223-2011" or "排污许可证".</summary>
    public required string Basis { get; set; }
}
