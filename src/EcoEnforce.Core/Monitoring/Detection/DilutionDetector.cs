namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds of <see cref="DilutionDetector"/>.</summary>
/// <param name="ReferenceOxygen">基准氧含量 (%) of the corrected concentration; null infers it from the data (median of the
/// O₂ reference each sample implies).</param>
/// <param name="AbsoluteTolerance">Allowed |corrected − expected| in the series' unit, for rounding near zero.</param>
/// <param name="RelativeTolerance">…plus this share of the expected corrected value (5%).</param>
/// <param name="MinOxygenRise">O₂ rise above the series' median (percentage points) that counts as air being let in.</param>
/// <param name="MinConcentrationDrop">…while the measured concentration falls by at least this share below its median.</param>
/// <param name="MinRun">Consecutive samples a finding must last.</param>
/// <param name="LowLoadShare">Samples whose load is below this share of the median load are a stop, not dilution.</param>
public sealed record DilutionOptions(
    double? ReferenceOxygen = null,
    double AbsoluteTolerance = 0.5,
    double RelativeTolerance = 0.05,
    double MinOxygenRise = 2.0,
    double MinConcentrationDrop = 0.2,
    int MinRun = 2,
    double LowLoadShare = 0.2);

/// <summary>稀释 (signature 7): air let into the flue to dilute the measured concentration. Two findings: (a) O₂ climbs towards
/// ambient (20.9%) while the measured concentration falls; (b) the corrected (折算) concentration disagrees with
/// C_meas × (21 − O₂ref)/(21 − O₂), O₂ref configured or inferred. Corrected series pair with the concentration whose name
/// is the longest prefix of theirs (SO2 → SO2_ZS, SO2折算), or with the only concentration.</summary>
public sealed class DilutionDetector(DilutionOptions? options = null) : IDetector
{
    private const double Ambient = 21.0;
    private readonly DilutionOptions _o = options ?? new();

    public string Signature => "dilution";

    public string Title => "稀释";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var oxygen = set.First(SeriesRole.Oxygen);
        if (oxygen is null) return [];
        var load = set.First(SeriesRole.Load);
        var found = new List<Detection>();
        var measured = set.WithRole(SeriesRole.Concentration).Where(s => s.Count == oxygen.Count).ToList();
        foreach (var s in measured) Rising(s, oxygen, load, found);
        foreach (var corrected in set.WithRole(SeriesRole.CorrectedConcentration).Where(s => s.Count == oxygen.Count))
        {
            var pair = measured.Where(m => corrected.Name.StartsWith(m.Name, StringComparison.Ordinal)).MaxBy(m => m.Name.Length)
                ?? (measured.Count == 1 ? measured[0] : null);
            if (pair is not null) Inconsistent(pair, corrected, oxygen, found);
        }
        return found;
    }

    private void Rising(Series c, Series o2, Series? load, List<Detection> found)
    {
        var o2Median = Median(o2.Values);
        var cMedian = Median(c.Values);
        var loadMedian = load is null || load.Count != c.Count ? double.NaN : Median(load.Values);
        if (double.IsNaN(o2Median) || double.IsNaN(cMedian) || cMedian <= 0) return;
        var runStart = -1;
        for (var i = 0; i <= c.Count; i++)
        {
            var hit = i < c.Count
                && o2.Values[i] >= o2Median + _o.MinOxygenRise
                && c.Values[i] <= (1 - _o.MinConcentrationDrop) * cMedian
                && !(load is not null && !double.IsNaN(loadMedian) && load.Values[i] < _o.LowLoadShare * loadMedian)
                && !IsStopFlag(c, i);
            if (hit) { if (runStart < 0) runStart = i; continue; }
            if (runStart >= 0 && i - runStart >= _o.MinRun)
            {
                double maxO2 = 0, sumC = 0;
                for (var k = runStart; k < i; k++) { maxO2 = Math.Max(maxO2, o2.Values[k]); sumC += c.Values[k]; }
                var meanC = sumC / (i - runStart);
                var rise = maxO2 - o2Median;
                var text = $"{ExplanationText.T(c.TimeOf(runStart))} 至 {ExplanationText.T(c.TimeOf(i - 1))}，{o2.Name} 由常值 {ExplanationText.N(o2Median)}% "
                    + $"升至最高 {ExplanationText.N(maxO2)}%（接近空气的 20.9%），同时 {c.Name} 均值 {ExplanationText.N(meanC)}，"
                    + $"比常值 {ExplanationText.N(cMedian)} 低 {ExplanationText.Percent(1 - meanC / cMedian)}，"
                    + (load is null ? "未提供负荷数据。" : "负荷未停运。") + "疑似引入空气稀释排放浓度。";
                found.Add(new Detection(Signature, c.Name, runStart, i - 1, c.TimeOf(runStart), c.TimeOf(i - 1),
                    ExplanationText.Score(rise / _o.MinOxygenRise * 0.5 + (1 - meanC / cMedian) / _o.MinConcentrationDrop * 0.5), text));
            }
            runStart = -1;
        }
    }

    private void Inconsistent(Series c, Series corrected, Series o2, List<Detection> found)
    {
        var reference = _o.ReferenceOxygen ?? InferReference(c, corrected, o2);
        if (double.IsNaN(reference)) return;
        var runStart = -1;
        double worst = 0, worstCorrected = 0, worstExpected = 0, worstMeasured = 0, worstO2 = 0;
        for (var i = 0; i <= c.Count; i++)
        {
            var hit = false;
            if (i < c.Count)
            {
                double cm = c.Values[i], cc = corrected.Values[i], o = o2.Values[i];
                if (!double.IsNaN(cm) && !double.IsNaN(cc) && !double.IsNaN(o) && o < 20.0)
                {
                    var expected = cm * (Ambient - reference) / (Ambient - o);
                    var deviation = Math.Abs(cc - expected);
                    var tolerance = _o.AbsoluteTolerance + _o.RelativeTolerance * Math.Abs(expected);
                    if (deviation > tolerance)
                    {
                        hit = true;
                        if (runStart < 0) { runStart = i; worst = 0; }
                        if (deviation / tolerance > worst)
                        {
                            (worst, worstCorrected, worstExpected, worstMeasured, worstO2) = (deviation / tolerance, cc, expected, cm, o);
                        }
                    }
                }
            }
            if (hit) continue;
            if (runStart >= 0 && i - runStart >= _o.MinRun)
            {
                var text = $"{ExplanationText.T(c.TimeOf(runStart))} 至 {ExplanationText.T(c.TimeOf(i - 1))} 共 {i - runStart} 个样本，折算浓度 {corrected.Name} "
                    + $"与实测浓度和含氧量不符：按 {c.Name} × (21 − {ExplanationText.N(reference)})/(21 − {o2.Name}) 计算"
                    + (_o.ReferenceOxygen is null ? "（基准氧含量由数据推得）" : "")
                    + $"，偏差最大时实测 {ExplanationText.N(worstMeasured)}、含氧量 {ExplanationText.N(worstO2)}%，应为 {ExplanationText.N(worstExpected)}，"
                    + $"上报 {ExplanationText.N(worstCorrected)}（相差 {ExplanationText.Percent(Math.Abs(worstCorrected - worstExpected) / Math.Max(Math.Abs(worstExpected), 1e-9))}）。";
                found.Add(new Detection(Signature, corrected.Name, runStart, i - 1, c.TimeOf(runStart), c.TimeOf(i - 1), ExplanationText.Score(worst), text));
            }
            runStart = -1;
        }
    }

    /// <summary>Each sample implies O₂ref = 21 − C_corr × (21 − O₂)/C_meas; the median ignores the minority that is wrong.</summary>
    private static double InferReference(Series c, Series corrected, Series o2)
    {
        var implied = new double[c.Count];
        for (var i = 0; i < implied.Length; i++)
        {
            double cm = c.Values[i], cc = corrected.Values[i], o = o2.Values[i];
            implied[i] = cm > 0 && cc > 0 && o < 20.0 ? Ambient - cc * (Ambient - o) / cm : double.NaN;
        }
        return Median(implied);
    }

    private static bool IsStopFlag(Series s, int i) => s.Flags is { } f && f[i] is "F" or "M" or "C" or "D";

    private static double Median(double[] values) => Quantiles.Median(values);
}
