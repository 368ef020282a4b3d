namespace EcoEnforce.Monitoring.Detection;

/// <summary>Thresholds for <see cref="InvalidValuesDetector"/>.</summary>
public sealed record InvalidValuesOptions
{
    /// <summary>Values data loggers send for "no value": any one of them is reported.</summary>
    public IReadOnlyList<double> Sentinels { get; init; } = [999, 999.9, 9999, 99999, 999999, -999, -9999, -99999];

    /// <summary>Values that are plausible once but are placeholders when repeated (0.001), see <see cref="MinRepeat"/>.</summary>
    public IReadOnlyList<double> RepeatedSentinels { get; init; } = [0.001];

    /// <summary>How many times in a row a repeated placeholder must occur.</summary>
    public int MinRepeat { get; init; } = 3;

    /// <summary>Flue gas colder than this (°C) is impossible in Chongqing's climate with the plant on.</summary>
    public double MinTemperature { get; init; } = -40;

    /// <summary>Flue gas hotter than this (°C) is past any stack sensor.</summary>
    public double MaxTemperature { get; init; } = 1000;

    /// <summary>Load below this fraction of its median means stopped, when zero flow is expected.</summary>
    public double StoppedFraction { get; init; } = 0.1;
}

/// <summary>Signature 3, 异常值: values that cannot be measurements. Samples that carry a flag other than N are
/// skipped (the plant already declared them not normal; flag-abuse looks at those), and consecutive samples with the
/// same reason make one detection.</summary>
public sealed class InvalidValuesDetector(InvalidValuesOptions? options = null) : IDetector
{
    private enum Reason { None, Negative, ImpossibleZero, Sentinel, RangeCapped, OxygenAboveAir, Temperature, CorrectedWithoutOxygen }

    private readonly InvalidValuesOptions _o = options ?? new();

    public string Signature => "invalid-values";

    public string Title => "异常值";

    public IEnumerable<Detection> Detect(SeriesSet set)
    {
        var result = new List<Detection>();
        var count = PlantState.MaxCount(set);
        if (count == 0) return result;
        var load = set.First(SeriesRole.Load);
        var loadTypical = load is null ? 0 : PlantState.TypicalPositive(load.Values);
        var oxygen = set.First(SeriesRole.Oxygen);
        var sentinels = _o.Sentinels.ToArray();
        var repeated = _o.RepeatedSentinels.ToArray();
        // Range checks first: almost no value is near a placeholder, so the list look-ups are rarely reached.
        var sentinelFloor = sentinels.Length == 0 ? double.PositiveInfinity : sentinels.Min(Math.Abs);
        var (repeatedMin, repeatedMax) = repeated.Length == 0 ? (1.0, 0.0) : (repeated.Min(), repeated.Max());
        foreach (var s in set.All)
        {
            var v = s.Values;
            var runStart = -1;
            var runReason = Reason.None;
            int repeatEnd = -1, repeatLength = 0;
            for (var i = 0; i <= v.Length; i++)
            {
                var reason = Reason.None;
                if (i < v.Length && !double.IsNaN(v[i]) && !(s.Flags is { } f && i < f.Length && f[i] is { } flag && !DetectionText.IsFlag(flag, 'N')))
                {
                    var loadOn = load is not null && i < load.Count && loadTypical > 0 && load.Values[i] > _o.StoppedFraction * loadTypical;
                    var o2 = oxygen is not null && i < oxygen.Count ? oxygen.Values[i] : double.NaN;
                    reason = Classify(s, v[i], loadOn, o2, Math.Abs(v[i]) >= sentinelFloor ? sentinels : []);
                    if (reason == Reason.None && v[i] >= repeatedMin && v[i] <= repeatedMax && Array.IndexOf(repeated, v[i]) >= 0)
                    {
                        if (i > repeatEnd)
                        {
                            repeatEnd = i;
                            while (repeatEnd < v.Length - 1 && v[repeatEnd + 1] == v[i]) repeatEnd++;
                            repeatLength = repeatEnd - i + 1;
                        }
                        if (repeatLength >= _o.MinRepeat) reason = Reason.Sentinel;
                    }
                }
                if (reason == runReason && reason != Reason.None) continue;
                if (runReason != Reason.None) result.Add(Report(s, runStart, i - 1, runReason));
                runStart = i;
                runReason = reason;
            }
        }
        return result;
    }

    private Reason Classify(Series s, double x, bool loadOn, double o2, double[] sentinels)
    {
        if (Array.IndexOf(sentinels, x) >= 0) return Reason.Sentinel;
        if (s.RangeMax is { } range && range > 0 && x >= range) return Reason.RangeCapped;
        switch (s.Role)
        {
            case SeriesRole.Temperature:
                return x < _o.MinTemperature || x > _o.MaxTemperature ? Reason.Temperature : Reason.None;
            case SeriesRole.Pressure:
            case SeriesRole.Other:
                return Reason.None; // flue static pressure is often negative
            case SeriesRole.Oxygen:
                return x < 0 ? Reason.Negative : x == 0 ? Reason.ImpossibleZero : x > 21 ? Reason.OxygenAboveAir : Reason.None;
            case SeriesRole.Flow:
                return x < 0 ? Reason.Negative : x == 0 && loadOn ? Reason.ImpossibleZero : Reason.None;
            case SeriesRole.CorrectedConcentration:
                return x < 0 ? Reason.Negative : o2 >= 21 ? Reason.CorrectedWithoutOxygen : Reason.None;
            default:
                return x < 0 ? Reason.Negative : Reason.None;
        }
    }

    private Detection Report(Series s, int first, int last, Reason reason)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = first; i <= last; i++)
        {
            min = Math.Min(min, s.Values[i]);
            max = Math.Max(max, s.Values[i]);
        }
        var n = last - first + 1;
        var values = min == max ? $"值为 {DetectionText.Num(min)}" : $"值在 {DetectionText.Num(min)} 至 {DetectionText.Num(max)} 之间";
        var (why, baseScore) = reason switch
        {
            Reason.Negative => ("监测值不可能为负", 0.7),
            Reason.ImpossibleZero => (s.Role == SeriesRole.Oxygen ? "氧含量不可能为 0" : "负荷显示在生产而流量为 0", 0.7),
            Reason.Sentinel => ("为数采仪常见的占位值，不是实测值", 0.6),
            Reason.RangeCapped => ($"等于或超过仪器量程 {DetectionText.Num(s.RangeMax ?? 0)}，实际值可能更高", 0.6),
            Reason.OxygenAboveAir => ("氧含量超过空气中的 21%", 0.8),
            Reason.Temperature => ($"烟温超出 {_o.MinTemperature:0}～{_o.MaxTemperature:0} ℃ 的可能范围", 0.8),
            Reason.CorrectedWithoutOxygen => ("同期氧含量 ≥ 21%，折算浓度无法计算却仍有数值", 0.8),
            _ => ("", 0),
        };
        var span = n == 1 ? DetectionText.Time(s.TimeOf(first)) : DetectionText.Span(s.TimeOf(first), s.TimeOf(last));
        var many = n == 1 ? "" : $"连续 {DetectionText.Samples(n, s.Interval)}";
        return DetectionText.Make(Signature, s, first, last, baseScore + 0.2 * Math.Min(1, n / 24.0),
            $"{s.Name} 在 {span} {many}{values}（{why}），疑似数据无效");
    }
}
