using System.Diagnostics;
using EcoEnforce.Targeting;

namespace EcoEnforce.Bench;

/// <summary><c>--train [--rows 1000000] [--features 30]</c>: the issue-10 target "training on 1,000,000 inspection rows ×
/// 30 features in under 30 s on 2 cores". Synthetic rows with a known logistic relation (a third of the columns 0/1
/// indicators, as categories become); one ridge fit from scratch, then the whole λ path the backtest walks (9 values,
/// warm-started), as the app would retrain.</summary>
public static class TrainLoad
{
    public static void Run(string[] args)
    {
        int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
        var (n, p) = (Arg("--rows", 1_000_000), Arg("--features", 30));
        var random = new Random(10);
        var truth = Enumerable.Range(0, p).Select(_ => random.NextDouble() - 0.5).ToArray();
        var x = new double[n * p];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var eta = -1.5;
            for (var j = 0; j < p; j++)
            {
                var v = j % 3 == 0 ? (random.Next(4) == 0 ? 1 : 0) : random.NextDouble() * 2 - 1;
                x[i * p + j] = v;
                eta += truth[j] * v;
            }
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-eta)) ? 1 : 0;
        }
        var penalty = Enumerable.Repeat(1.0, p).ToArray();
        Console.WriteLine($"{n:N0} rows × {p} features, {y.Sum() / n:P1} positive, {Environment.ProcessorCount} cores");

        var watch = Stopwatch.StartNew();
        var model = LogisticRegression.Fit(x, p, y, penalty, 0.001);
        Console.WriteLine($"one fit (λ = 0.001): {watch.Elapsed.TotalSeconds:F2} s, {model.Iterations} Newton steps");
        var error = model.Coefficients.Skip(1).Zip(truth).Max(t => Math.Abs(t.First - t.Second));
        Console.WriteLine($"largest coefficient error against the generating model: {error:F3}");

        watch.Restart();
        LogisticRegression? previous = null;
        foreach (var lambda in BacktestRun.Lambdas) previous = LogisticRegression.Fit(x, p, y, penalty, lambda, previous);
        Console.WriteLine($"λ path ({BacktestRun.Lambdas.Length} values, warm starts): {watch.Elapsed.TotalSeconds:F2} s");
    }
}
