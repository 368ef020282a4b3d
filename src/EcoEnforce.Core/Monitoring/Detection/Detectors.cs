namespace EcoEnforce.Monitoring.Detection;

/// <summary>Every detector with its default thresholds, in the order the plan's signatures are listed. Each runs over
/// a whole <see cref="SeriesSet"/>; the output is sorted by series, then time.</summary>
public static class Detectors
{
    public static IReadOnlyList<IDetector> All { get; } =
    [
        new StuckValueDetector(),
        new LimitBunchingDetector(),
        new InvalidValuesDetector(),
        new FlagAbuseDetector(),
        new CompletenessDetector(),
        new AggregateMismatchDetector(),
        new LoadMismatchDetector(),
        new DilutionDetector(),
        new RegimeBreakDetector(),
        new ThreeWayMismatchDetector(),
    ];

    public static List<Detection> Run(SeriesSet set, IEnumerable<IDetector>? detectors = null) =>
        [.. (detectors ?? All).SelectMany(d => d.Detect(set)).OrderBy(d => d.Column, StringComparer.Ordinal).ThenBy(d => d.FirstIndex).ThenBy(d => d.Signature, StringComparer.Ordinal)];
}
