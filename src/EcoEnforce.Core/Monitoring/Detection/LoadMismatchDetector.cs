namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds of <see cref="LoadMismatchDetector"/>.</summary>
/// <param name="Window">Samples in the rolling window (24 = a day of hours).</param>
/// <param name="MinGlobalCorrelation">Pearson r between the emission and what the load relation predicts for it, over the
/// whole series, below which the series is not expected to follow the load at all, and is left alone.</param>
/// <param name="MinLoadMovement">The load must move in the window enough to move the predicted emission: the prediction's
/// standard deviation in the window at least this share of its standard deviation over the whole series.</param>
/// <param name="MaxResponse">Flag when the window's slope against the prediction is below this share of the whole series'
/// slope (the emission stays flat, or moves the other way, while the load swings).</param>
/// <param name="MaxWindowCorrelation">…and the window's correlation (signed as the series' relation) is below this.</param>
/// <param name="MaxSpread">…and the emission is flat: its standard deviation in the window below this share of the
/// prediction's (a loosely coupled series that wanders on its own, as NOX does with the weather, is not flagged).</param>
/// <param name="MinPresent">Share of the window's samples that must have both values.</param>
public sealed record LoadMismatchOptions(
    int Window = 24,
    double MinGlobalCorrelation = 0.5,
    double MinLoadMovement = 0.5,
    double MaxResponse = 0.2,
    double MaxWindowCorrelation = 0.2,
    double MaxSpread = 0.5,
    double MinPresent = 0.75);

/// <summary>与生产不匹配 (signature 6): the emission (concentration × flow when a flow is measured, else the concentration;
/// the flow itself as well) does not follow the load. The relation is learned on the series itself (<see cref="LoadModel"/>,
/// non-linear); rolling windows in which the load swings enough to move the predicted emission but the emission's slope
/// against the prediction and its correlation with it collapse are reported as runs.</summary>
public sealed class LoadMismatchDetector(LoadMismatchOptions? options = null) : IDetector
{
    private readonly LoadMismatchOptions _o = options ?? new();

    public string Signature => "load-mismatch";

    public string Title => "与生产不匹配";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var load = set.First(SeriesRole.Load);
        if (load is null) return [];
        var found = new List<Detection>();
        var flow = set.First(SeriesRole.Flow);
        if (flow is not null && flow.Count == load.Count) DetectIn(flow.Name, flow.Values, flow, load, found);
        foreach (var s in set.WithRole(SeriesRole.Concentration))
        {
            if (s.Count != load.Count) continue;
            if (flow is not null && flow.Count == s.Count)
            {
                var mass = new double[s.Count];
                for (var i = 0; i < mass.Length; i++) mass[i] = s.Values[i] * flow.Values[i];
                DetectIn($"{s.Name}×{flow.Name}", mass, s, load, found);
            }
            else
            {
                DetectIn(s.Name, s.Values, s, load, found);
            }
        }
        return found;
    }

    private void DetectIn(string column, double[] raw, Series timing, Series load, List<Detection> found)
    {
        // x is what the series should read at the load, learned on the series itself (non-linear). Spikes are left in:
        // they make a window less flat, so they cannot raise a finding, and clipping them would also clip a flat series'
        // departures from the prediction and make it look as if it followed.
        if (LoadModel.Expected(raw, load.Values) is not { } x) return;
        var y = raw;
        var n = y.Length;
        var w = _o.Window;
        if (n < 2 * w) return;
        // Paired prefix sums, centred on the global means so the window covariances keep their precision.
        double sx = 0, sy = 0;
        var count = 0;
        for (var i = 0; i < n; i++)
            if (!double.IsNaN(y[i]) && !double.IsNaN(x[i])) { sx += x[i]; sy += y[i]; count++; }
        if (count < 2 * w) return;
        double mx = sx / count, my = sy / count;
        var px = new double[n + 1];
        var py = new double[n + 1];
        var pxx = new double[n + 1];
        var pyy = new double[n + 1];
        var pxy = new double[n + 1];
        var pc = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var ok = !double.IsNaN(y[i]) && !double.IsNaN(x[i]);
            double dx = ok ? x[i] - mx : 0, dy = ok ? y[i] - my : 0;
            px[i + 1] = px[i] + dx;
            py[i + 1] = py[i] + dy;
            pxx[i + 1] = pxx[i] + dx * dx;
            pyy[i + 1] = pyy[i] + dy * dy;
            pxy[i + 1] = pxy[i] + dx * dy;
            pc[i + 1] = pc[i] + (ok ? 1 : 0);
        }
        double varX = pxx[n] / count, varY = pyy[n] / count, cov = pxy[n] / count;
        if (varX <= 0 || varY <= 0) return;
        var slope = cov / varX;
        var r = cov / Math.Sqrt(varX * varY);
        if (Math.Abs(r) < _o.MinGlobalCorrelation) return;
        var sign = Math.Sign(slope);
        var minPresent = (int)Math.Ceiling(_o.MinPresent * w);

        var runStart = -1;
        var worst = 0.0;
        var worstAt = 0;
        (int First, int Last, int WorstAt, double Strength)? pending = null;
        for (var end = w; end <= n + 1; end++)
        {
            var flagged = false;
            var strength = 0.0;
            if (end <= n)
            {
                var from = end - w;
                var c = pc[end] - pc[from];
                if (c >= minPresent)
                {
                    double ax = (px[end] - px[from]) / c, ay = (py[end] - py[from]) / c;
                    var vx = (pxx[end] - pxx[from]) / c - ax * ax;
                    var vy = (pyy[end] - pyy[from]) / c - ay * ay;
                    var cxy = (pxy[end] - pxy[from]) / c - ax * ay;
                    if (vx >= _o.MinLoadMovement * _o.MinLoadMovement * varX)
                    {
                        var response = cxy / vx / slope;
                        var rw = vy <= 0 ? 0 : sign * cxy / Math.Sqrt(vx * vy);
                        if (response < _o.MaxResponse && rw < _o.MaxWindowCorrelation && vy < _o.MaxSpread * _o.MaxSpread * vx)
                        {
                            flagged = true;
                            strength = (1 - response) / (1 - _o.MaxResponse);
                        }
                    }
                }
            }
            if (flagged)
            {
                if (runStart < 0) { runStart = end - w; worst = 0; }
                if (strength > worst) { worst = strength; worstAt = end - w; }
            }
            else if (runStart >= 0)
            {
                // Runs whose windows overlap describe one stretch: merge them, keeping the worst window.
                if (pending is { } p && runStart <= p.Last)
                    pending = (p.First, end - 2, worst > p.Strength ? worstAt : p.WorstAt, Math.Max(worst, p.Strength));
                else
                {
                    if (pending is { } done) found.Add(Describe(column, raw, x, timing, load, done.First, done.Last, done.WorstAt, done.Strength, r));
                    pending = (runStart, end - 2, worstAt, worst);
                }
                runStart = -1;
            }
        }
        if (pending is { } last) found.Add(Describe(column, raw, x, timing, load, last.First, last.Last, last.WorstAt, last.Strength, r));
    }

    private Detection Describe(string column, double[] y, double[] expected, Series timing, Series load, int first, int last, int worstAt,
        double strength, double r)
    {
        // Describe the worst window: the load's range, what the series should have done there and what it did.
        var w = _o.Window;
        double lmin = double.MaxValue, lmax = double.MinValue, emin = double.MaxValue, emax = double.MinValue, ymin = double.MaxValue, ymax = double.MinValue;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        var c = 0;
        for (var i = worstAt; i < worstAt + w; i++)
        {
            double xi = expected[i], yi = y[i];
            if (double.IsNaN(xi) || double.IsNaN(yi)) continue;
            lmin = Math.Min(lmin, load.Values[i]); lmax = Math.Max(lmax, load.Values[i]);
            emin = Math.Min(emin, xi); emax = Math.Max(emax, xi); ymin = Math.Min(ymin, yi); ymax = Math.Max(ymax, yi);
            sx += xi; sy += yi; sxx += xi * xi; syy += yi * yi; sxy += xi * yi; c++;
        }
        var vx = sxx / c - sx / c * (sx / c);
        var vy = syy / c - sy / c * (sy / c);
        var cxy = sxy / c - sx / c * (sy / c);
        var response = vx > 0 ? cxy / vx : 0;
        var wr = vx > 0 && vy > 0 ? cxy / Math.Sqrt(vx * vy) : 0;
        var text = $"{ExplanationText.T(timing.TimeOf(first))} 至 {ExplanationText.T(timing.TimeOf(last))}，负荷 {load.Name} 在 "
            + $"{ExplanationText.N(lmin)}–{ExplanationText.N(lmax)} 之间变化，按该序列全时段的负荷—排放关系（相关系数 {ExplanationText.N(r)}），"
            + $"{column} 应在 {ExplanationText.N(emin)}–{ExplanationText.N(emax)} 之间随之变化，实际为 {ExplanationText.N(ymin)}–{ExplanationText.N(ymax)}："
            + $"最不相符的 {w} 个样本内只跟随了应有变化的 {ExplanationText.Percent(Math.Max(response, 0))}，相关系数 {ExplanationText.N(wr)}。"
            + "排放与生产负荷脱钩，需核实工况或监测数据。";
        return new Detection(Signature, column, first, last, timing.TimeOf(first), timing.TimeOf(last), ExplanationText.Score(strength), text);
    }
}
