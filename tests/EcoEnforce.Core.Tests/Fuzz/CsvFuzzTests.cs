using System.Text;
using CsCheck;
using EcoEnforce.Complaints;
using EcoEnforce.Core.Tests.Problems;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Comparison;
using EcoEnforce.Monitoring.Detection;
using EcoEnforce.Targeting;
using EcoEnforce.Tests.Fuzzing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Core.Tests.Fuzz;

/// <summary>
/// The CSV readers on edited valid files: each returns its result or its own error type with a Chinese message naming a
/// line of the file, never another exception, within the time and memory <see cref="FuzzRun"/> allows.
/// </summary>
public sealed class CsvFuzzTests
{
    static CsvFuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record CsvCase(int Seed, Mutation[] Edits, byte[] Bytes)
    {
        public override string ToString() => $"seed {Seed}, edits [{string.Join(", ", Edits.AsEnumerable())}], bytes {Convert.ToBase64String(Bytes[..Math.Min(Bytes.Length, 1500)])}";
    }

    private static readonly Mutator Mutator = Mutator.With("time", "TEY", "NOX", "O2", "时间", "a21026", "氮氧化物(mg/m³)", "2022-08-01 08:30",
        "2022-08-01 08:00", "20220801080000", "2011-01-01T00:00", "2011-01-01T00:00:00+08:00", "0001-01-01T00:00", "9999-12-31T23:00",
        "0001-01-01 08:00", "9999-12-31T23:59", "inspection_date", "critical_found", "TRUE", "1.0", "受理时间", "诉求内容", "工单编号", "\"a,b\"", "\"\n\"");

    private static Gen<CsvCase> Cases(params byte[][] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], Mutator.Edits(8), (s, e) => new CsvCase(s, e, Mutator.Apply(seeds[s], e)));

    private static long Cap(CsvCase c) => 1024 * 1024 + 512L * c.Bytes.Length;

    // Lines as TextReader.ReadLine counts them: CR LF, a lone LF or a lone CR each end one.
    private static int Lines(CsvCase c) =>
        c.Bytes.Where((b, i) => b == '\n' || (b == '\r' && (i + 1 == c.Bytes.Length || c.Bytes[i + 1] != '\n'))).Count() + 1;

    private static void Run(string name, Gen<CsvCase> gen, Action<CsvCase> target, int iterations = 800, long overhead = 0) =>
        FuzzRun.Check(name, gen, c => target(c), c => overhead + Cap(c), iterations, c => c.ToString(), c => c.Bytes);

    private static readonly byte[][] Series =
    [
        Encoding.UTF8.GetBytes("time,CO,NOX,TEY,O2\n2011-01-01T00:00,1.2,80,130,9\n2011-01-01T01:00,1.1,,131,9.1\n2011-01-01T02:00,1.3,82,129,9\n"),
        Encoding.UTF8.GetBytes("CO,NOX,TEY\n1.2,80,130\n1.1,81,131\n"),
    ];

    [Fact]
    public void Fuzzed_series_csv_gives_series_or_a_series_csv_error_naming_a_line()
    {
        var options = new SeriesCsvOptions
        {
            Start = new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Utc), LoadColumn = "TEY",
            Limits = new Dictionary<string, double> { ["NOX"] = 100 },
        };
        Run("series-csv", Cases(Series), c =>
        {
            try
            {
                var set = SeriesCsv.Read(new StringReader(Encoding.UTF8.GetString(c.Bytes)), options);
                Assert.NotEmpty(set.All);
                // What `monitoring detect --csv` does next: every detector runs on whatever the reader accepted.
                _ = Detectors.Run(set);
            }
            catch (SeriesCsvException e)
            {
                Assert.InRange(e.Line, 1, Lines(c));
                FuzzTables.AssertRowMessage(e.Message, Lines(c));
            }
        });
    }

    private static readonly byte[][] Inspections =
    [
        Encoding.UTF8.GetBytes("inspection_date,critical_found,license,inspector,risk\n2014-01-02,1,L1,I1,2\n2014-01-03T09:00:00,0,L2,\"I,2\",1.5\n2014-01-04 10:00,TRUE,L1,I1,3\n"),
    ];

    [Fact]
    public void Fuzzed_inspection_csv_gives_a_table_or_a_format_error_naming_a_line()
    {
        Run("inspection-csv", Cases(Inspections), c =>
        {
            try
            {
                var table = InspectionTable.Read(new StringReader(Encoding.UTF8.GetString(c.Bytes)), "inspection_date", "critical_found", ["license"]);
                Assert.Equal(table.Count, table.Features.Count);
                Assert.All(table.Features, f => Assert.Equal(table.Columns.Count, f.Length));
            }
            catch (InspectionTable.FormatError e)
            {
                Assert.InRange(e.Line, 1, Lines(c));
                FuzzTables.AssertRowMessage(e.Message, Lines(c));
            }
        });
    }

    [Fact]
    public void Fuzzed_comparison_csv_gives_values_or_chinese_errors_naming_lines()
    {
        var seeds = new[] { FuzzTables.Csv(FuzzTables.Comparison), FuzzTables.Csv(FuzzTables.Comparison, Encoding.GetEncoding("GBK")) };
        Run("comparison-csv", Cases(seeds), c =>
        {
            foreach (var kind in new[] { ReadingKind.Hour, ReadingKind.Minute })
            {
                var parsed = ComparisonTable.Read("export.csv", new MemoryStream(c.Bytes), kind);
                Assert.True(parsed.Values.Count == 0 || parsed.Errors.Count == 0);
                Assert.All(parsed.Errors, e => FuzzTables.AssertRowMessage(e, Lines(c)));
                Assert.All(parsed.Values, v => Assert.True(double.IsFinite(v.Amount) && v.DataTimeUtc.Kind == DateTimeKind.Utc));
            }
        });
    }

    [Fact]
    public void Fuzzed_complaint_csv_imports_all_rows_or_none_with_chinese_errors()
    {
        using var db = new ProblemTestDb();
        var seeds = new[] { FuzzTables.Csv(FuzzTables.Complaints), FuzzTables.Csv(FuzzTables.Complaints, Encoding.GetEncoding("GBK")) };
        Run("complaint-csv", Cases(seeds), c =>
        {
            var before = Complaints(db);
            var outcome = db.Run<ImportComplaints.Handler, ImportComplaints.Outcome>(h =>
                h.HandleAsync(new MemoryStream(c.Bytes), "12345.csv", ComplaintChannel.Hotline12345, TestContext.Current.CancellationToken))
                .GetAwaiter().GetResult();
            if (outcome.Succeeded) return;
            Assert.All(outcome.Errors, e => FuzzTables.AssertRowMessage(e.ToString(), Lines(c)));
            Assert.Equal(before, Complaints(db));
        }, iterations: 300, overhead: 32L * 1024 * 1024); // EF and the complaint intake's lookups
    }

    private static int Complaints(ProblemTestDb db)
    {
        using var scope = db.NewScope();
        return scope.ServiceProvider.GetRequiredService<EcoEnforce.Data.EcoEnforceDb>().Complaints.Count();
    }
}
