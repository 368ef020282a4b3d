using System.Text;
using EcoEnforce.Monitoring.Detection;

namespace EcoEnforce.Core.Tests.Monitoring.Detection;

/// <summary>The UCI gas-turbine years under testdata/gas-turbine-emissions, found from the repository root, read through
/// <see cref="SeriesCsv"/> with hourly timestamps from 1 January 00:00 and TEY as the load.</summary>
public static class GasTurbineData
{
    public static readonly int[] Years = [2011, 2012, 2013, 2014, 2015];

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>A file under the repository root (testdata is shared by several test classes).</summary>
    public static string RepositoryFile(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static string PathOf(int year) => Path.Combine(Root.Value, "testdata", "gas-turbine-emissions", $"gt_{year}.csv");

    /// <summary>All columns of one year.</summary>
    public static SeriesSet ReadAll(int year)
    {
        using var reader = new StreamReader(PathOf(year), Encoding.UTF8);
        return SeriesCsv.Read(reader, new SeriesCsvOptions { Start = new DateTime(year, 1, 1), Interval = TimeSpan.FromHours(1), LoadColumn = "TEY" });
    }

    /// <summary>TEY (load), CO and NOX: what the evaluation runs the detectors on.</summary>
    public static SeriesSet Read(int year)
    {
        var all = ReadAll(year);
        return new SeriesSet([.. all.All.Where(s => s.Name is "TEY" or "CO" or "NOX")]);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcoEnforce.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("No EcoEnforce.slnx above " + AppContext.BaseDirectory);
    }
}
