namespace EcoEnforce.Monitoring.Detection;

/// <summary>What a series measures, so detectors can find the companions they compare against (flow, O₂, load …).</summary>
public enum SeriesRole
{
    /// <summary>A pollutant concentration (the default).</summary>
    Concentration = 0,
    Flow = 1,
    Oxygen = 2,
    Temperature = 3,
    Pressure = 4,
    /// <summary>Load, production or electricity: what emissions should follow.</summary>
    Load = 5,
    /// <summary>折算浓度: the concentration corrected to the reference O₂.</summary>
    CorrectedConcentration = 6,
    Other = 7,
}

/// <summary>A regularly sampled series: sample i is at <see cref="Start"/> + i × <see cref="Interval"/>; a missing
/// sample is <see cref="double.NaN"/>. Flags are the HJ 212 data flags (N normal, F stopped, M maintenance, S set value,
/// D fault, C calibration, T over range, B communication lost), null where none was sent.</summary>
public sealed class Series(string name, DateTime start, TimeSpan interval, double[] values)
{
    public string Name { get; } = name;
    public DateTime Start { get; } = start;
    public TimeSpan Interval { get; } = interval;
    public double[] Values { get; } = values;
    public SeriesRole Role { get; init; } = SeriesRole.Concentration;
    public string?[]? Flags { get; init; }
    /// <summary>The emission limit (排放限值) when known.</summary>
    public double? Limit { get; init; }
    /// <summary>Range of the analyzer (量程) when known: values at it are range-capped.</summary>
    public double? RangeMax { get; init; }
    /// <summary>For a coarse series (hour, day) reported alongside a finer one: the <see cref="Name"/> of the finer
    /// series it aggregates. <see cref="Values"/> then hold the reported Avg, and sample i covers the fine samples in
    /// [<see cref="TimeOf"/>(i), <see cref="TimeOf"/>(i) + <see cref="Interval"/>).</summary>
    public string? AggregateOf { get; init; }
    /// <summary>The reported minimum of each sample's period (HJ 212 -Min), when sent.</summary>
    public double[]? Min { get; init; }
    /// <summary>The reported maximum of each sample's period (HJ 212 -Max), when sent.</summary>
    public double[]? Max { get; init; }
    /// <summary>The reported cumulative amount of each sample's period (HJ 212 -Cou: emitted mass or flow volume), when sent.</summary>
    public double[]? Cou { get; init; }

    public int Count => Values.Length;

    public DateTime TimeOf(int index) => Start + Interval * index;

    public bool IsMissing(int index) => double.IsNaN(Values[index]);
}

/// <summary>The series of one outlet (or one CSV file) over the same sample times, so detectors can compare them.</summary>
public sealed class SeriesSet(IReadOnlyList<Series> series)
{
    public IReadOnlyList<Series> All { get; } = series;

    public IEnumerable<Series> WithRole(SeriesRole role) => All.Where(s => s.Role == role);

    public Series? First(SeriesRole role) => All.FirstOrDefault(s => s.Role == role);
}

/// <summary>One suspicious stretch: which signature, in which series, from which sample to which (both included),
/// how strong (0–1), and what was seen, in plain Chinese for the officer who will go and look.</summary>
public sealed record Detection(string Signature, string Column, int FirstIndex, int LastIndex, DateTime From, DateTime To, double Score,
    string Explanation);

/// <summary>A pure function from a set of series to detections: no I/O, no clock, the same input gives the same output.</summary>
public interface IDetector
{
    /// <summary>Stable identifier, e.g. "stuck", used in output, settings and dismissals.</summary>
    string Signature { get; }

    /// <summary>The Chinese name shown to officers (恒值, 贴限 …).</summary>
    string Title { get; }

    IEnumerable<Detection> Detect(SeriesSet set);
}
