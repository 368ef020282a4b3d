using EcoEnforce.Targeting;

namespace EcoEnforce.Core.Tests.Targeting;

/// <summary>The fit against solutions known exactly: a saturated model's coefficients are the cells' log-odds, and a
/// ridge fit satisfies its optimality condition.</summary>
public sealed class LogisticRegressionTests
{
    /// <summary>Two binary features with every combination: cells with known positive rates.</summary>
    private static (double[] X, double[] Y) Cells()
    {
        (int A, int B, int Positives, int Total)[] cells = [(0, 0, 10, 50), (1, 0, 30, 60), (0, 1, 20, 40), (1, 1, 45, 50)];
        var (x, y) = (new List<double>(), new List<double>());
        foreach (var c in cells)
            for (var i = 0; i < c.Total; i++)
            {
                x.AddRange([c.A, c.B, c.A * c.B]);
                y.Add(i < c.Positives ? 1 : 0);
            }
        return ([.. x], [.. y]);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void Unpenalised_the_saturated_model_recovers_each_cells_log_odds()
    {
        var (x, y) = Cells();
        var beta = LogisticRegression.Fit(x, 3, y, [0, 0, 0], lambda: 0).Coefficients;
        var (b0, bA, bB, bAB) = (Logit(10 / 50.0), Logit(30 / 60.0) - Logit(10 / 50.0), Logit(20 / 40.0) - Logit(10 / 50.0),
            Logit(45 / 50.0) - Logit(30 / 60.0) - Logit(20 / 40.0) + Logit(10 / 50.0));
        Assert.Equal(b0, beta[0], 6);
        Assert.Equal(bA, beta[1], 6);
        Assert.Equal(bB, beta[2], 6);
        Assert.Equal(bAB, beta[3], 6);
    }

    [Fact]
    public void A_ridge_fit_has_zero_penalised_gradient_and_leaves_unpenalised_columns_free()
    {
        var (x, y) = Cells();
        const double lambda = 0.05;
        double[] penalty = [1, 0, 1];
        var model = LogisticRegression.Fit(x, 3, y, penalty, lambda);
        // Recompute the gradient of −(1/N)·log-likelihood + λ/2·Σ penalty·β² on the standardised scale from scratch.
        var n = y.Length;
        var mean = Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, n).Average(i => x[i * 3 + j])).ToArray();
        var sd = Enumerable.Range(0, 3).Select(j => Math.Sqrt(Enumerable.Range(0, n).Average(i => Math.Pow(x[i * 3 + j] - mean[j], 2)))).ToArray();
        var gradient = new double[4];
        for (var i = 0; i < n; i++)
        {
            var p = model.Predict(x.AsSpan(i * 3, 3));
            gradient[0] += (p - y[i]) / n;
            for (var j = 0; j < 3; j++) gradient[j + 1] += (p - y[i]) * (x[i * 3 + j] - mean[j]) / sd[j] / n;
        }
        for (var j = 0; j < 3; j++) gradient[j + 1] += lambda * penalty[j] * model.Standardised[j + 1];
        Assert.All(gradient, g => Assert.InRange(g, -1e-9, 1e-9));
        // Shrinkage pulls the penalised coefficients towards zero compared with the unpenalised fit.
        var free = LogisticRegression.Fit(x, 3, y, [0, 0, 0], 0);
        Assert.True(Math.Abs(model.Standardised[1]) < Math.Abs(free.Standardised[1]));
        Assert.True(Math.Abs(model.Standardised[3]) < Math.Abs(free.Standardised[3]));
    }
}
