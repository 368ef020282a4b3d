using System.Globalization;

namespace EcoEnforce.Targeting;

/// <summary>The bureau's risk model: ridge logistic regression on every completed inspection, each described by its
/// entity's features as of the inspection day (<see cref="RiskHistory"/>: nothing from that day or later), the outcome
/// being whether the inspection found a problem. λ comes from a time-ordered hold-out as in the backtest; the inspector
/// is a feature (penalised) so that an officer's thoroughness is not mistaken for an entity's risk, and is left out when
/// scoring. Retrained on demand; deterministic for the same history.</summary>
public sealed class RiskModel
{
    public const int MinimumInspections = 30;

    private readonly FeatureEncoding _encoding;
    private readonly LogisticRegression _fit;
    private readonly RiskHistory _history;
    private readonly IReadOnlyList<string> _columns;

    private RiskModel(RiskHistory history, IReadOnlyList<string> columns, FeatureEncoding encoding, LogisticRegression fit, int rows, int positives, double lambda)
    {
        (_history, _columns, _encoding, _fit) = (history, columns, encoding, fit);
        (TrainingRows, Positives, Lambda) = (rows, positives, lambda);
    }

    public int TrainingRows { get; }
    public int Positives { get; }
    public double Lambda { get; }

    public sealed record Scored(RiskHistory.EntityFacts Entity, double Risk, IReadOnlyDictionary<string, object> Features);

    /// <summary>One model input's weight: <see cref="PerUnit"/> on the log-odds per unit of the feature (for a category,
    /// for being in it), <see cref="PerSd"/> per standard deviation across the training rows (comparable between
    /// features). exp(PerUnit) is the factor on the odds of a finding.</summary>
    public sealed record Factor(string Feature, string? Level, double PerUnit, double PerSd);

    /// <summary>A feature's part in one entity's score: log-odds above (positive) or below an average inspection.</summary>
    public sealed record Reason(string Feature, object Value, double LogOdds);

    /// <summary>The features the officer's thoroughness is modelled by; not an entity's risk, so never shown as one.</summary>
    public const string InspectorFeature = "检查人员";

    /// <summary>The weights, strongest first; the inspector effects are left out (they only keep the other weights honest).</summary>
    public IReadOnlyList<Factor> Factors
    {
        get
        {
            var perUnit = _fit.Coefficients;
            return [.. _encoding.Sources.Select((s, j) => new Factor(s.Column, s.Level, perUnit[j + 1], _fit.Standardised[j + 1]))
                .Where(f => f.Feature != InspectorFeature && f.PerUnit != 0).OrderByDescending(f => Math.Abs(f.PerSd))];
        }
    }

    /// <summary>Why the entity scores as it does on <paramref name="day"/>.</summary>
    public IReadOnlyList<Reason> Reasons(int entityId, DateOnly day) => Reasons(_history.Features(entityId, day));

    /// <summary>Why an entity scores as it does: the features that raise its risk most, largest first.</summary>
    public IReadOnlyList<Reason> Reasons(IReadOnlyDictionary<string, object> features, int top = 3)
    {
        var table = InspectionTable.FromRows(_columns, [default], [0], [[.. _columns.Select(c => Cell(features[c]))]]);
        var parts = _fit.Contributions(_encoding.Encode(table, [0]));
        return [.. _encoding.Sources.Select((s, j) => (s.Column, Part: parts[j]))
            .Where(x => x.Column != InspectorFeature).GroupBy(x => x.Column)
            .Select(g => new Reason(g.Key, features[g.Key], g.Sum(x => x.Part)))
            .Where(r => r.LogOdds > 0.01).OrderByDescending(r => r.LogOdds).Take(top)];
    }

    /// <summary>Trains on the inspections before <paramref name="before"/>; null when there are fewer than
    /// <see cref="MinimumInspections"/> or they all had the same outcome.</summary>
    public static RiskModel? Train(RiskHistory history, DateOnly before)
    {
        var inspections = history.Inspections.Where(i => i.On < before && history.Entities.ContainsKey(i.EntityId)).OrderBy(i => i.On).ToList();
        if (inspections.Count < MinimumInspections || inspections.Select(i => i.FoundProblem).Distinct().Count() < 2) return null;
        var rows = inspections.Select(i => history.Features(i.EntityId, i.On, i.LeadInspectorId)).ToList();
        var columns = rows[0].Keys.ToList();
        var table = InspectionTable.FromRows(columns, [.. inspections.Select(i => i.On)], [.. inspections.Select(i => i.FoundProblem ? 1.0 : 0.0)],
            [.. rows.Select(r => columns.Select(c => Cell(r[c])).ToArray())]);
        var all = Enumerable.Range(0, table.Count).ToList();
        var encoding = FeatureEncoding.Learn(table, all, penalised: null);
        var lambda = BacktestRun.ChooseLambda(table, all, encoding);
        var fit = LogisticRegression.Fit(encoding.Encode(table, all), encoding.Width, [.. table.Outcomes], encoding.Penalty, lambda);
        return new RiskModel(history, columns, encoding, fit, inspections.Count, inspections.Count(i => i.FoundProblem), lambda);
    }

    /// <summary>Every entity's probability of a finding if inspected on <paramref name="day"/>, highest first.</summary>
    public IReadOnlyList<Scored> Rank(DateOnly day, Func<RiskHistory.EntityFacts, bool>? include = null) =>
        [.. _history.Entities.Values.Where(e => include?.Invoke(e) ?? true)
            .Select(e => (Entity: e, Features: _history.Features(e.Id, day)))
            .Select(x => new Scored(x.Entity, Score(x.Features), x.Features))
            .OrderByDescending(s => s.Risk).ThenBy(s => s.Entity.Id)];

    public double Score(IReadOnlyDictionary<string, object> features)
    {
        var table = InspectionTable.FromRows(_columns, [default], [0], [[.. _columns.Select(c => Cell(features[c]))]]);
        return _fit.Predict(_encoding.Encode(table, [0]));
    }

    /// <summary>The City of Chicago's evaluation on the bureau's own last <paramref name="days"/> days: trained on what came
    /// before, the inspections of the period re-ordered by risk. Null when either side is too small.</summary>
    public static Backtest.Result? Evaluate(RiskHistory history, DateOnly today, int days = 90)
    {
        var from = today.AddDays(-days);
        var model = Train(history, from);
        var test = history.Inspections.Where(i => i.On >= from && i.On < today).ToList();
        if (model is null || test.Count == 0) return null;
        return Backtest.Evaluate([.. test.Select(i => new Backtest.Inspection(i.On, model.Score(history.Features(i.EntityId, i.On)), i.FoundProblem))]);
    }

    private static string Cell(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
