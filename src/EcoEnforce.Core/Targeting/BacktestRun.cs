namespace EcoEnforce.Targeting;

/// <summary>Trains on the inspections before <c>trainBefore</c> only, scores those from <c>testFrom</c> on, and evaluates
/// the re-ordering (<see cref="Backtest"/>). Nothing of the test period reaches the model: the encoding's categories,
/// the standardisation and the penalty λ are all learned from the training rows, λ by a time-ordered hold-out of their
/// latest fifth (the model that is judged is then refitted on all training rows with it).</summary>
public static class BacktestRun
{
    public sealed record Result(
        int TrainRows, int TestRows, int Positives, double DaysEarlier, double FirstHalfShareBaseline, double FirstHalfShareModel,
        double Lambda, int Features);

    /// <summary>λ candidates on the standardised scale, strongest first (fits warm-start down the path).</summary>
    public static readonly double[] Lambdas = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001];

    /// <param name="entityColumn">A column naming the inspected entity: replaced by its history (<see cref="EntityHistory"/>).</param>
    public static Result Run(InspectionTable table, DateOnly testFrom, DateOnly? trainBefore, IReadOnlyCollection<string>? penalised,
        string? entityColumn = null)
    {
        var cutoff = trainBefore ?? testFrom;
        if (cutoff > testFrom) throw new ArgumentException("训练截止日期不能晚于测试起始日期");
        if (entityColumn is not null) table = EntityHistory.Append(table, entityColumn, cutoff);
        var train = Enumerable.Range(0, table.Count).Where(i => table.Dates[i] < cutoff).OrderBy(i => table.Dates[i]).ToList();
        var test = Enumerable.Range(0, table.Count).Where(i => table.Dates[i] >= testFrom).ToList();
        if (train.Count < 20 || train.Select(i => table.Outcomes[i]).Distinct().Count() < 2)
            throw new ArgumentException($"训练数据不足：{train.Count} 行，且须同时有 0 和 1 两种结果");
        if (test.Count == 0) throw new ArgumentException("测试期没有数据");

        var encoding = FeatureEncoding.Learn(table, train, penalised);
        var lambda = ChooseLambda(table, train, encoding);
        var model = LogisticRegression.Fit(encoding.Encode(table, train), encoding.Width, [.. train.Select(i => table.Outcomes[i])], encoding.Penalty, lambda);
        var x = encoding.Encode(table, test);
        var scored = test.Select((row, r) => new Backtest.Inspection(table.Dates[row],
            model.Predict(x.AsSpan(r * encoding.Width, encoding.Width)), table.Outcomes[row] > 0.5)).ToList();
        var result = Backtest.Evaluate(scored);
        return new Result(train.Count, test.Count, result.Positives, result.DaysEarlier, result.FirstHalfShareBaseline, result.FirstHalfShareModel,
            lambda, encoding.Width);
    }

    /// <summary>The λ whose model, fitted on the earlier four fifths of the training rows, predicts the latest fifth best
    /// (mean log-loss).</summary>
    internal static double ChooseLambda(InspectionTable table, List<int> train, FeatureEncoding encoding)
    {
        if (encoding.Penalty.All(p => p == 0)) return 0;
        var split = (int)(train.Count * 0.8);
        var (fit, hold) = (train[..split], train[split..]);
        var x = encoding.Encode(table, fit);
        var y = fit.Select(i => table.Outcomes[i]).ToArray();
        var xHold = encoding.Encode(table, hold);
        LogisticRegression? previous = null;
        var (best, bestLoss) = (Lambdas[0], double.PositiveInfinity);
        foreach (var lambda in Lambdas)
        {
            var model = LogisticRegression.Fit(x, encoding.Width, y, encoding.Penalty, lambda, previous);
            previous = model;
            var loss = 0.0;
            for (var r = 0; r < hold.Count; r++)
            {
                var p = Math.Clamp(model.Predict(xHold.AsSpan(r * encoding.Width, encoding.Width)), 1e-12, 1 - 1e-12);
                loss -= table.Outcomes[hold[r]] > 0.5 ? Math.Log(p) : Math.Log(1 - p);
            }
            if (loss < bestLoss) (best, bestLoss) = (lambda, loss);
        }
        return best;
    }
}
