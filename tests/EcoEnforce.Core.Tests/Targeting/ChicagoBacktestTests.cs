using EcoEnforce.Core.Tests.Monitoring.Detection;
using EcoEnforce.Targeting;

namespace EcoEnforce.Core.Tests.Targeting;

/// <summary>The City of Chicago's published evaluation on its own model table (testdata/chicago-food-inspections):
/// trained before 2014-08-02, tested from 2014-09-02. The City reported 7.44 days earlier and 55% → 69% in the first
/// half; its own ridge model reproduces as about 7.6 days and 54% → 68% on this table.</summary>
public sealed class ChicagoBacktestTests
{
    private static BacktestRun.Result Run(string[] exclude, string? entity)
    {
        using var reader = new StreamReader(GasTurbineData.RepositoryFile("testdata", "chicago-food-inspections", "chicago_food_inspections.csv"));
        var table = InspectionTable.Read(reader, "inspection_date", "critical_found", exclude);
        var result = BacktestRun.Run(table, new DateOnly(2014, 9, 2), new DateOnly(2014, 8, 2), new HashSet<string> { "inspector" }, entity);
        Assert.Equal((17116, 1665, 263), (result.TrainRows, result.TestRows, result.Positives));
        Assert.Equal(0.5437, result.FirstHalfShareBaseline, 4);
        return result;
    }

    [Fact]
    public void The_citys_own_model_reproduces_its_published_week_earlier()
    {
        var result = Run(["inspection_id", "license"], entity: null);
        Assert.InRange(result.DaysEarlier, 7.44, 30);
        // The City's ridge model re-run on this table gives 68%; its published 69% came from its full data.
        Assert.InRange(result.FirstHalfShareModel, 0.68, 1);
    }

    [Fact]
    public void With_each_establishments_own_history_the_model_meets_the_citys_published_result()
    {
        // The history features were chosen on two earlier validation windows (docs/targeting.md), not on this period.
        var result = Run(["inspection_id"], entity: "license");
        Assert.InRange(result.DaysEarlier, 7.44, 30);
        Assert.InRange(result.FirstHalfShareModel, 0.69, 1);
    }
}
