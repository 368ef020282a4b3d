using System.IO.Compression;
using CsCheck;
using EcoEnforce.Common;
using EcoEnforce.Common.Excel;
using EcoEnforce.Complaints;
using EcoEnforce.Core.Tests.Problems;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Comparison;
using EcoEnforce.Registry;
using EcoEnforce.Tests.Fuzzing;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Core.Tests.Fuzz;

/// <summary>
/// The Excel importers on edited valid workbooks (giant references, odd cell types and styles, formulas, broken shared
/// strings, row numbers out of range, corrupt XML and zip). Each import either succeeds or returns its errors with a
/// Chinese message and a row, and a failed import leaves the database exactly as it was.
/// </summary>
public sealed class XlsxFuzzTests
{
    private const int ExcelRows = 1_048_576;

    // Allocation cap from the unzipped size: the readers build a cell map per row, a few hundred bytes per XML byte at most.
    private static long Cap(XlsxCase c)
    {
        long unzipped = c.Bytes.Length;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(c.Bytes), ZipArchiveMode.Read);
            unzipped += zip.Entries.Sum(e => e.Length);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
        }
        return 32L * 1024 * 1024 + 400 * unzipped;
    }

    private static void Run(string name, Gen<XlsxCase> gen, Action<XlsxCase> target, int iterations) =>
        FuzzRun.Check(name, gen, target, Cap, iterations, c => c.ToString(), c => c.Bytes);

    [Fact]
    public void Fuzzed_workbooks_read_to_numbered_rows_or_an_xlsx_format_error()
    {
        Run("xlsx-read", XlsxFuzzInputs.For([FuzzTables.Registry, FuzzTables.Complaints, FuzzTables.Comparison]), c =>
        {
            try
            {
                var rows = XlsxReader.ReadFirstSheet(new MemoryStream(c.Bytes));
                Assert.InRange(rows.Count, 0, XlsxReader.MaxRows);
                Assert.All(rows, r => Assert.InRange(r.RowNumber, 1, ExcelRows));
                Assert.All(rows, r => Assert.All(r.Cells.Keys, k => Assert.InRange(k, 0, 16383)));
            }
            catch (XlsxFormatException e)
            {
                Assert.True(FuzzTables.IsChinese(e.Message), e.Message);
            }
        }, iterations: 200);
    }

    [Fact]
    public void Fuzzed_registry_workbooks_import_all_rows_or_none()
    {
        using var db = new ProblemTestDb();
        Run("registry-import", XlsxFuzzInputs.For([FuzzTables.Registry]), c =>
        {
            var before = Snapshot(db);
            var outcome = db.Run<ImportEntities.Handler, ImportEntities.Outcome>(h =>
                h.HandleAsync(new MemoryStream(c.Bytes), null, TestContext.Current.CancellationToken)).GetAwaiter().GetResult();
            if (outcome.Succeeded) return;
            Assert.All(outcome.Errors, e => FuzzTables.AssertRowMessage(e.ToString(), ExcelRows));
            Assert.All(outcome.Errors, e => Assert.InRange(e.Row, 0, ExcelRows));
            Assert.Equal(before, Snapshot(db));
        }, iterations: 100);
    }

    [Fact]
    public void Fuzzed_complaint_workbooks_import_all_rows_or_none()
    {
        using var db = new ProblemTestDb();
        Run("complaint-import", XlsxFuzzInputs.For([FuzzTables.Complaints]), c =>
        {
            var before = Snapshot(db);
            var outcome = db.Run<ImportComplaints.Handler, ImportComplaints.Outcome>(h =>
                h.HandleAsync(new MemoryStream(c.Bytes), "12345工单.xlsx", ComplaintChannel.Hotline12345, TestContext.Current.CancellationToken))
                .GetAwaiter().GetResult();
            if (outcome.Succeeded) return;
            Assert.All(outcome.Errors, e => FuzzTables.AssertRowMessage(e.ToString(), ExcelRows));
            Assert.Equal(before, Snapshot(db));
        }, iterations: 100);
    }

    [Fact]
    public void Fuzzed_comparison_workbooks_import_all_values_or_none()
    {
        using var db = new ProblemTestDb();
        var point = AddPoint(db);
        Run("comparison-import", XlsxFuzzInputs.For([FuzzTables.Comparison]), c =>
        {
            var before = Snapshot(db);
            var result = db.Run<ImportComparison, Result<int>>(h =>
                h.ImportAsync(point, ComparisonSource.Platform, ReadingKind.Hour, "平台导出.xlsx", new MemoryStream(c.Bytes), TestContext.Current.CancellationToken))
                .GetAwaiter().GetResult();
            if (result.Succeeded) return;
            Assert.All(result.Errors, e => FuzzTables.AssertRowMessage(e.Message, ExcelRows));
            Assert.Equal(before, Snapshot(db));
        }, iterations: 200);
    }

    private static int AddPoint(ProblemTestDb db)
    {
        var enterprise = db.AddEnterpriseAsync().GetAwaiter().GetResult();
        using var scope = db.NewScope();
        var context = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var point = new MonitoringPoint { EnterpriseId = enterprise, Mn = "88888880000001", Name = "1号锅炉排口", Medium = MonitoringMedium.Air };
        context.MonitoringPoints.Add(point);
        context.SaveChanges();
        return point.Id;
    }

    /// <summary>Everything an import may write, so a failed one can be shown to have written nothing.</summary>
    private static string Snapshot(ProblemTestDb db)
    {
        using var scope = db.NewScope();
        var context = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        return string.Join("|",
            string.Join(",", context.Enterprises.OrderBy(e => e.Id).Select(e => e.Name + e.Address + e.UpdatedAtUtc)),
            context.PositiveListEntries.Count(), context.Complaints.Count(),
            string.Join(",", context.ComparisonReadings.OrderBy(r => r.Id).Select(r => r.Value)), context.AuditEntries.Count());
    }
}
