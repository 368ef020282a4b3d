namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds for <see cref="StuckValueDetector"/>.</summary>
public sealed record StuckValueOptions
{
    /// <summary>At least this many consecutive valid samples: 6 hours of hourly data is well past the 2–3
    /// equal hours an honest analyzer with coarse resolution can produce.</summary>
    public int MinSamples { get; init; } = 6;

    /// <summary>And at least this long (both rules apply), so minute data needs 3 hours (180 samples), not 6 minutes.</summary>
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Values count as equal when they stay within this fraction of the series' typical
    /// step (mean absolute change between valid neighbours): 1% is far below any real movement but absorbs float noise.</summary>
    public double RelativeTolerance { get; init; } = 0.01;

    /// <summary>Load (or flow) below this fraction of its median means the plant is stopped; runs
    /// while stopped are not stuck (zero concentration, O₂ at 20.9 are what a stopped plant reads).</summary>
    public double StoppedFraction { get; init; } = 0.1;

    /// <summary>Whether load/production series are checked too. Off by default: a unit held at its rated output reads
    /// the same load hour after hour (the gas-turbine data sits at 133.7 MWh for days), which is normal operation.</summary>
    public bool IncludeLoad { get; init; }

    /// <summary>Duration at which the duration part of the score is full.</summary>
    public TimeSpan FullScoreDuration { get; init; } = TimeSpan.FromHours(24);
}

/// <summary>Signature 1, 恒值: a value that does not move for hours while the process it measures must move.</summary>
public sealed class StuckValueDetector(StuckValueOptions? options = null) : IDetector
{
    private readonly StuckValueOptions _o = options ?? new();

    public string Signature => "stuck";

    public string Title => "恒值";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var result = new List<Detection>();
        var count = PlantState.MaxCount(set);
        if (count == 0) return result;
        var state = PlantState.Of(set, count, _o.StoppedFraction);
        var steps = new double[set.All.Count];
        for (var k = 0; k < steps.Length; k++) steps[k] = TypicalStep(set.All[k].Values);
        for (var k = 0; k < set.All.Count; k++)
            if (_o.IncludeLoad || set.All[k].Role != SeriesRole.Load) Scan(set, k, steps, state, result);
        return result;
    }

    private void Scan(SeriesSet set, int k, double[] steps, sbyte[] state, List<Detection> result)
    {
        var s = set.All[k];
        var v = s.Values;
        var tol = Math.Max(_o.RelativeTolerance * steps[k], 1e-12);
        var start = -1;
        double lo = 0, hi = 0;
        for (var i = 0; i <= v.Length; i++)
        {
            var x = i < v.Length ? v[i] : double.NaN;
            if (start >= 0 && !double.IsNaN(x) && Math.Max(hi, x) - Math.Min(lo, x) <= tol)
            {
                lo = Math.Min(lo, x);
                hi = Math.Max(hi, x);
                continue;
            }
            if (start >= 0) Close(set, k, start, i - 1, steps, state, result);
            start = double.IsNaN(x) ? -1 : i;
            lo = hi = x;
        }
    }

    private void Close(SeriesSet set, int k, int first, int last, double[] steps, sbyte[] state, List<Detection> result)
    {
        var s = set.All[k];
        var n = last - first + 1;
        var duration = s.Interval * n;
        if (n < _o.MinSamples || duration < _o.MinDuration) return;
        var value = s.Values[first];
        if (s.RangeMax is { } range && value >= range) return; // range-capped: reported by invalid-values
        var stopped = 0;
        for (var i = first; i <= last; i++)
            if (state[i] == 0 || (s.Flags is { } f && i < f.Length && DetectionText.IsFlag(f[i], 'F'))) stopped++;
        if (stopped * 2 >= n) return;

        var moving = new List<string>();
        var companions = 0;
        for (var c = 0; c < set.All.Count; c++)
        {
            if (c == k) continue;
            var other = set.All[c];
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var i = first; i <= Math.Min(last, other.Count - 1); i++)
            {
                var x = other.Values[i];
                if (double.IsNaN(x)) continue;
                if (x < min) min = x;
                if (x > max) max = x;
            }
            if (double.IsInfinity(min)) continue;
            companions++;
            if (max - min > steps[c] && steps[c] > 0) moving.Add(other.Name);
        }

        var durationPart = Math.Clamp((duration - _o.MinDuration) / (_o.FullScoreDuration - _o.MinDuration), 0, 1);
        var movingPart = companions == 0 ? 0.3 : (double)moving.Count / companions;
        var score = 0.35 + 0.3 * durationPart + 0.35 * movingPart;
        // A concentration stuck at exactly zero is usually below the detection limit (SO₂ of a gas-fired boiler):
        // still worth a look, but the weakest kind of 恒值.
        var belowDetection = value == 0 && s.Role is SeriesRole.Concentration or SeriesRole.CorrectedConcentration;
        if (belowDetection) score *= 0.5;
        var context = moving.Count > 0 ? $"{string.Join("、", moving)}同期在变化"
            : companions > 0 ? "同期其他监测项也未明显变化，需核实是否停运或数采仪离线" : "无同期其他监测项可对比";
        result.Add(DetectionText.Make(Signature, s, first, last, score,
            $"{s.Name} 在 {DetectionText.Span(s.TimeOf(first), s.TimeOf(last))} 连续 {DetectionText.Samples(n, s.Interval)}值均为 {DetectionText.Num(value)}，{context}，{(belowDetection ? "可能低于检出限，也可能" : "")}疑似数据恒值"));
    }

    /// <summary>Mean absolute change between consecutive valid samples: what "moving" means for this series.</summary>
    internal static double TypicalStep(double[] v)
    {
        double sum = 0;
        var n = 0;
        for (var i = 1; i < v.Length; i++)
        {
            var d = v[i] - v[i - 1];
            if (double.IsNaN(d)) continue;
            sum += Math.Abs(d);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}
