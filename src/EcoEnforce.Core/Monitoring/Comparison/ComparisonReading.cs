namespace EcoEnforce.Monitoring.Comparison;

/// <summary>Where a comparison value came from: the two sides the data acquisition instrument's packets are checked
/// against in a 三方比对.</summary>
public enum ComparisonSource
{
    /// <summary>现场分析仪: read from the analyzer's display or memory during an inspection.</summary>
    Analyzer = 0,
    /// <summary>监控平台: exported from the monitoring platform.</summary>
    Platform = 1,
}

/// <summary>One value of a pollutant at one time from an analyzer or a platform export, stored beside the instrument's
/// readings so the scanner can compare the three at the same timestamps (signature 10).</summary>
public sealed class ComparisonReading
{
    public long Id { get; set; }
    public int MonitoringPointId { get; set; }
    public ComparisonSource Source { get; set; }
    public ReadingKind Kind { get; set; }
    public required string PollutantCode { get; set; }
    public DateTime DataTimeUtc { get; set; }
    public double Value { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public required string ImportedBy { get; set; }
}
