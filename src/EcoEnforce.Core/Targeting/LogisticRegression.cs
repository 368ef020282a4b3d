namespace EcoEnforce.Targeting;

/// <summary>Ridge-penalised logistic regression, as glmnet fits it with <c>alpha = 0</c>: the columns are standardised,
/// the objective is −(1/N)·log-likelihood + λ/2 · Σ penalty_j · β_j² over the standardised coefficients (the intercept is
/// never penalised, and a column with penalty 0 is not shrunk at all), minimised by Newton's method with a backtracking
/// line search. Rows are summed in parallel, one block per core; 30 columns and a million rows cost a few tenths of a
/// second per Newton step.</summary>
public sealed class LogisticRegression
{
    private readonly double[] _mean;
    private readonly double[] _scale;

    private LogisticRegression(double[] beta, double[] mean, double[] scale, int iterations)
    {
        Standardised = beta;
        _mean = mean;
        _scale = scale;
        Iterations = iterations;
    }

    /// <summary>Intercept first, then one coefficient per column, on the standardised scale.</summary>
    public double[] Standardised { get; }

    public int Iterations { get; }

    /// <summary>The coefficients on the columns' own scale, intercept first.</summary>
    public double[] Coefficients
    {
        get
        {
            var p = _mean.Length;
            var beta = new double[p + 1];
            beta[0] = Standardised[0];
            for (var j = 0; j < p; j++)
            {
                beta[j + 1] = _scale[j] > 0 ? Standardised[j + 1] / _scale[j] : 0;
                beta[0] -= beta[j + 1] * _mean[j];
            }
            return beta;
        }
    }

    /// <summary>Each column's part of one row's log-odds, measured from the training rows' average (the intercept's
    /// baseline): positive parts raise the risk above that of an average row.</summary>
    public double[] Contributions(ReadOnlySpan<double> row)
    {
        var parts = new double[_mean.Length];
        for (var j = 0; j < _mean.Length; j++)
            if (_scale[j] > 0) parts[j] = Standardised[j + 1] * (row[j] - _mean[j]) / _scale[j];
        return parts;
    }

    /// <summary>The probability of a positive outcome for one row of raw column values.</summary>
    public double Predict(ReadOnlySpan<double> row)
    {
        var eta = Standardised[0];
        for (var j = 0; j < _mean.Length; j++)
            if (_scale[j] > 0) eta += Standardised[j + 1] * (row[j] - _mean[j]) / _scale[j];
        return Sigmoid(eta);
    }

    /// <summary>Fits <paramref name="x"/> (row-major, <paramref name="columns"/> per row) to outcomes 0/1.</summary>
    /// <param name="penalty">Penalty factor per column (0 = unpenalised).</param>
    /// <param name="start">A fit at a nearby λ to start from (a warm start along a λ path).</param>
    public static LogisticRegression Fit(double[] x, int columns, double[] y, double[] penalty, double lambda, LogisticRegression? start = null,
        int maxIterations = 100, double tolerance = 1e-8)
    {
        var n = y.Length;
        if (x.Length != n * columns || penalty.Length != columns) throw new ArgumentException("Matrix, outcomes and penalties disagree in size.");
        var (mean, scale) = start is null ? Standardisation(x, columns, n) : (start._mean, start._scale);
        var z = Standardise(x, columns, n, mean, scale);
        var k = columns + 1;
        var beta = start is null ? new double[k] : (double[])start.Standardised.Clone();
        if (start is null)
        {
            var rate = Math.Clamp(y.Average(), 1e-6, 1 - 1e-6);
            beta[0] = Math.Log(rate / (1 - rate));
        }
        var iterations = 0;
        var objective = Objective(z, y, beta, penalty, lambda, k);
        for (; iterations < maxIterations; iterations++)
        {
            var (gradient, hessian) = Derivatives(z, y, beta, k);
            for (var j = 1; j < k; j++)
            {
                gradient[j] += lambda * penalty[j - 1] * beta[j];
                hessian[j * k + j] += lambda * penalty[j - 1];
            }
            // A column without variance (all one value in the training rows) stays at zero.
            for (var j = 1; j < k; j++)
                if (scale[j - 1] == 0) { hessian[j * k + j] = 1; gradient[j] = 0; }
            var step = Cholesky.Solve(hessian, gradient, k);
            var t = 1.0;
            double[] next;
            double nextObjective;
            do
            {
                next = new double[k];
                for (var j = 0; j < k; j++) next[j] = beta[j] - t * step[j];
                nextObjective = Objective(z, y, next, penalty, lambda, k);
                t /= 2;
            }
            while (nextObjective > objective + 1e-12 && t > 1e-10);
            var change = 0.0;
            for (var j = 0; j < k; j++) change = Math.Max(change, Math.Abs(next[j] - beta[j]));
            (beta, objective) = (next, nextObjective);
            if (change < tolerance) { iterations++; break; }
        }
        return new LogisticRegression(beta, mean, scale, iterations);
    }

    private static (double[] Mean, double[] Scale) Standardisation(double[] x, int p, int n)
    {
        var (mean, scale) = (new double[p], new double[p]);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < p; j++) mean[j] += x[i * p + j];
        for (var j = 0; j < p; j++) mean[j] /= n;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < p; j++)
            {
                var d = x[i * p + j] - mean[j];
                scale[j] += d * d;
            }
        // glmnet's standardisation: the population standard deviation.
        for (var j = 0; j < p; j++) scale[j] = Math.Sqrt(scale[j] / n) is var s && s > 1e-12 ? s : 0;
        return (mean, scale);
    }

    private static double[] Standardise(double[] x, int p, int n, double[] mean, double[] scale)
    {
        var z = new double[x.Length];
        Parallel.For(0, n, i =>
        {
            for (var j = 0; j < p; j++) z[i * p + j] = scale[j] > 0 ? (x[i * p + j] - mean[j]) / scale[j] : 0;
        });
        return z;
    }

    private static double Sigmoid(double eta) => eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));

    private static double Objective(double[] z, double[] y, double[] beta, double[] penalty, double lambda, int k)
    {
        var n = y.Length;
        var p = k - 1;
        var loss = Blocks(n).AsParallel().Sum(range =>
        {
            var sum = 0.0;
            for (var i = range.From; i < range.To; i++)
            {
                var eta = beta[0];
                for (var j = 0; j < p; j++) eta += z[i * p + j] * beta[j + 1];
                // log(1 + e^η) − y·η, computed without overflow.
                sum += (eta > 0 ? eta + Math.Log(1 + Math.Exp(-eta)) : Math.Log(1 + Math.Exp(eta))) - y[i] * eta;
            }
            return sum;
        });
        var ridge = 0.0;
        for (var j = 1; j < k; j++) ridge += penalty[j - 1] * beta[j] * beta[j];
        return loss / n + lambda / 2 * ridge;
    }

    /// <summary>Gradient and Hessian of the mean log-loss, rows summed block by block in parallel.</summary>
    private static (double[] Gradient, double[] Hessian) Derivatives(double[] z, double[] y, double[] beta, int k)
    {
        var n = y.Length;
        var p = k - 1;
        var gradient = new double[k];
        var hessian = new double[k * k];
        var gate = new object();
        Parallel.ForEach(Blocks(n), range =>
        {
            var g = new double[k];
            var h = new double[k * k];
            var row = new double[k];
            row[0] = 1;
            for (var i = range.From; i < range.To; i++)
            {
                var eta = beta[0];
                for (var j = 0; j < p; j++)
                {
                    row[j + 1] = z[i * p + j];
                    eta += row[j + 1] * beta[j + 1];
                }
                var mu = Sigmoid(eta);
                var w = mu * (1 - mu);
                var r = mu - y[i];
                for (var a = 0; a < k; a++)
                {
                    g[a] += r * row[a];
                    var wa = w * row[a];
                    for (var b = a; b < k; b++) h[a * k + b] += wa * row[b];
                }
            }
            lock (gate)
            {
                for (var a = 0; a < k; a++) gradient[a] += g[a];
                for (var a = 0; a < k * k; a++) hessian[a] += h[a];
            }
        });
        for (var a = 0; a < k; a++)
        {
            gradient[a] /= n;
            for (var b = a; b < k; b++) hessian[b * k + a] = hessian[a * k + b] /= n;
        }
        return (gradient, hessian);
    }

    private static IEnumerable<(int From, int To)> Blocks(int n)
    {
        var size = Math.Max(4096, n / (4 * Environment.ProcessorCount) + 1);
        for (var from = 0; from < n; from += size) yield return (from, Math.Min(n, from + size));
    }
}

/// <summary>Solves a symmetric positive-definite system by Cholesky decomposition (dense, small).</summary>
internal static class Cholesky
{
    public static double[] Solve(double[] a, double[] b, int k)
    {
        var l = new double[k * k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i * k + j];
                for (var m = 0; m < j; m++) sum -= l[i * k + m] * l[j * k + m];
                if (i == j) l[i * k + i] = Math.Sqrt(Math.Max(sum, 1e-12));
                else l[i * k + j] = sum / l[j * k + j];
            }
        var y = new double[k];
        for (var i = 0; i < k; i++)
        {
            var sum = b[i];
            for (var m = 0; m < i; m++) sum -= l[i * k + m] * y[m];
            y[i] = sum / l[i * k + i];
        }
        var x = new double[k];
        for (var i = k - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var m = i + 1; m < k; m++) sum -= l[m * k + i] * x[m];
            x[i] = sum / l[i * k + i];
        }
        return x;
    }
}
