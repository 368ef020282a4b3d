using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace EcoEnforce.Tests.Fuzzing;

/// <summary>
/// Runs one fuzz target under CsCheck with the three guards the suite promises: any exception the target does not
/// expect fails the run (CsCheck shrinks it and prints a seed), every case must finish within
/// <see cref="CaseTimeout"/> (a watchdog thread, so a real hang is caught too), and every case must allocate no more
/// than the target's cap for its input (<see cref="GC.GetAllocatedBytesForCurrentThread"/>, an upper bound of peak memory).
/// </summary>
/// <remarks>
/// A case may take 40 s (a 2 MB hostile workbook took 27 s on a CI machine also building), a hang is 3 times that.
/// Budget: <c>iterations</c> cases by default (the suite's fixed budget); with <c>ECOENFORCE_FUZZ_SECONDS=N</c> each
/// target runs for N seconds instead. <c>CsCheck_Seed=…</c> replays a printed failing seed. A hang cannot be shrunk, so its
/// input is written under <c>fuzz-failures/</c> in the test's output folder and named in the failure.
/// </remarks>
public static class FuzzRun
{
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("ECOENFORCE_FUZZ_CASE_TIMEOUT"), CultureInfo.InvariantCulture, out var t) ? t : 40);

    /// <summary>Seconds per target when set (the long run); null in the ordinary suite.</summary>
    public static int? Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("ECOENFORCE_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;

    /// <param name="target">Runs one case; throws (an assertion) on an unexpected outcome.</param>
    /// <param name="maxBytes">The allocation cap for one case, from the input.</param>
    /// <param name="print">Short printable form of an input for the failure message.</param>
    public static void Check<T>(string name, Gen<T> gen, Action<T> target, Func<T, long> maxBytes, int iterations,
        Func<T, string> print, Func<T, byte[]>? save = null)
    {
        var watch = new Watchdog<T>();
        var started = Stopwatch.StartNew();
        long largest = 0;
        Exception? failure = null;
        long cases = 0;
        var worker = new Thread(() =>
        {
            try
            {
                gen.Sample(input =>
                {
                    watch.Start(input);
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    target(input);
                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    var elapsed = watch.Stop();
                    Interlocked.Increment(ref cases);
                    var cap = maxBytes(input);
                    if (save is not null) largest = Math.Max(largest, save(input).LongLength);
                    if (allocated > cap)
                        throw new FuzzException($"allocated {allocated:N0} bytes, cap {cap:N0}");
                    if (elapsed > CaseTimeout)
                        throw new FuzzException($"took {elapsed.TotalSeconds:F1} s, limit {CaseTimeout.TotalSeconds} s");
                }, iter: Seconds is null ? iterations : -1, time: Seconds ?? -1, threads: 1, print: print);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 64 * 1024 * 1024) { IsBackground = true, Name = "fuzz " + name };
        worker.Start();
        while (!worker.Join(200))
        {
            if (watch.Running is { } running && running.Elapsed > CaseTimeout * 3)
            {
                var file = SaveHang(name, running.Input, save);
                Assert.Fail($"{name}: a case has run {running.Elapsed.TotalSeconds:F0} s (hang); input {print(running.Input)}; saved to {file}");
            }
        }
        if (failure is not null)
        {
            // CsCheck's message names the seed and the shrunk input; the inner exception says what went wrong.
            var text = failure.Message.Length > 4000 ? failure.Message[..4000] + " …" : failure.Message;
            Assert.Fail($"{name}: {failure.InnerException?.GetType().Name}: {failure.InnerException?.Message}\n{text}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"fuzz {name}: {Interlocked.Read(ref cases)} cases, largest input {largest:N0} bytes, {started.Elapsed.TotalSeconds:F0} s");
        Assert.True(cases > 0, name + " ran no case");
    }

    private static string SaveHang<T>(string name, T input, Func<T, byte[]>? save)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{name}-{DateTime.UtcNow:yyyyMMddHHmmss}.bin");
        File.WriteAllBytes(file, save?.Invoke(input) ?? System.Text.Encoding.UTF8.GetBytes(input?.ToString() ?? ""));
        return file;
    }

    private sealed class Watchdog<T>
    {
        private volatile Running<T>? _running;

        public Running<T>? Running => _running;

        public void Start(T input) => _running = new Running<T>(input, Stopwatch.StartNew());

        public TimeSpan Stop()
        {
            var elapsed = _running?.Elapsed ?? TimeSpan.Zero;
            _running = null;
            return elapsed;
        }
    }

    private sealed record Running<T>(T Input, Stopwatch Watch)
    {
        public TimeSpan Elapsed => Watch.Elapsed;
    }
}

/// <summary>A guard of <see cref="FuzzRun"/> failed (time or memory), as opposed to the target's own assertion.</summary>
public sealed class FuzzException(string message) : Exception(message);
