using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcoEnforce.Draws;
using EcoEnforce.Registry;

namespace EcoEnforce.Bench;

/// <summary>
/// A district-scale 双随机 draw: 1,000,000 objects in 3 strata (5 % of 900,000 ordinary, 1 % of 99,800 key polluters,
/// all 200 special), 20,000 inspectors in 20 departments, teams of 2 with a lead department, conflicts on 1 % of the
/// objects and previous inspectors avoided on 10 %. <c>Draw</c> is everything: validation, counts, digests, selection,
/// teams.
/// </summary>
[MemoryDiagnoser]
public class DrawBenchmarks
{
    private DrawInput _input = null!;

    [GlobalSetup]
    public void Setup() => _input = BuildInput();

    [Benchmark(Baseline = true)]
    public int Draw() => DrawAlgorithm.Draw(_input).Value!.Tasks.Count;

    [Benchmark]
    public DrawDigests Digests() => DrawCanonical.Digests(_input.Rules, _input.Pool, _input.Inspectors);

    /// <summary><c>--draw</c>: best of 10 runs, for a quick look without BenchmarkDotNet.</summary>
    public static void Quick()
    {
        var sw = Stopwatch.StartNew();
        var input = BuildInput();
        Console.WriteLine($"input built in {sw.ElapsedMilliseconds} ms");
        var tasks = 0;
        double draw = double.MaxValue, digests = double.MaxValue;
        for (var round = 0; round < 10; round++)
        {
            sw.Restart();
            tasks = DrawAlgorithm.Draw(input).Value!.Tasks.Count;
            draw = Math.Min(draw, sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            DrawCanonical.Digests(input.Rules, input.Pool, input.Inspectors);
            digests = Math.Min(digests, sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"draw {input.Pool.Count:N0} objects / {input.Inspectors.Count:N0} inspectors -> {tasks:N0} tasks: "
            + $"{draw:F0} ms (digests alone {digests:F0} ms), best of 10");
    }

    public static DrawInput BuildInput()
    {
        const int objects = 1_000_000, inspectorCount = 20_000, departments = 20;
        var departmentNames = Enumerable.Range(0, departments).Select(d => d == 0 ? "生态环境保护综合行政执法支队" : $"第{d}执法大队").ToArray();
        var inspectors = new List<PoolInspector>(inspectorCount);
        for (var i = 0; i < inspectorCount; i++)
        {
            // Scattered certificate numbers, so departments interleave in key order as they would in life.
            var number = (i * 7919L % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            inspectors.Add(new PoolInspector($"50010220{number}", $"执法员{i}", departmentNames[i % departments]));
        }
        inspectors.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

        string[] strata = ["Ordinary", "KeyPolluter", "Special"];
        var random = new Random(20250701);
        // The caller reads the pool from the database in key order, so rows are allocated in that order too.
        var numbers = Enumerable.Range(0, objects).Select(i => (Number: i * 104_729L % 1_000_000_000, Index: i)).OrderBy(p => p.Number).ToArray();
        var pool = new List<PoolObject>(objects);
        foreach (var (number, i) in numbers)
        {
            var first17 = "91500102" + number.ToString("D9", CultureInfo.InvariantCulture);
            var stratum = i < 200 ? strata[2] : i < 100_000 ? strata[1] : strata[0];
            string[] conflicts = i % 100 == 0 ? [inspectors[random.Next(inspectorCount)].Key, inspectors[random.Next(inspectorCount)].Key] : [];
            string[] previous = i % 10 == 0 ? [inspectors[random.Next(inspectorCount)].Key, inspectors[random.Next(inspectorCount)].Key] : [];
            pool.Add(new PoolObject(first17 + CreditCode.CheckCharacter(first17), $"重庆市涪陵区第{i}号环保科技有限公司", stratum, conflicts, previous));
        }

        var rules = new DrawRules(DrawRules.CurrentVersion,
            [new StratumQuota("Ordinary", Percent: 5), new StratumQuota("KeyPolluter", Percent: 1), new StratumQuota("Special", All: true)],
            TeamSize: 2, LeadDepartment: departmentNames[0], AvoidPreviousInspector: true);
        return new DrawInput(rules, pool, inspectors, System.Security.Cryptography.SHA256.HashData("bench"u8));
    }
}
