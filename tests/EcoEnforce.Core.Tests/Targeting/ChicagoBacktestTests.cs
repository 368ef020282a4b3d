using EcoEnforce.Core.Tests.Monitoring.Detection;
using EcoEnforce.Targeting;

namespace EcoEnforce.Core.Tests.Targeting;

/// <summary>The City of Chicago's published evaluation on its own model table (testdata/chicago-food-inspections):
/// trained before 2014-08-02, tested from 2014-09-02. The City reported 7.44 days earlier and 55% → 69% in the first
/// half; its own ridge model reproduces as about 7.6 days and 54% → 68% on this table.</summary>
public sealed class ChicagoBacktestTests
{
    [Fact]
    public void The_ridge_model_with_penalised_inspectors_finds_critical_violations_over_a_week_earlier()
    {
        using var reader = new StreamReader(GasTurbineData.RepositoryFile("testdata", "chicago-food-inspections", "chicago_food_inspections.csv"));
        var table = InspectionTable.Read(reader, "inspection_date", "critical_found", ["inspection_id", "license"]);
        var result = BacktestRun.Run(table, new DateOnly(2014, 9, 2), new DateOnly(2014, 8, 2), new HashSet<string> { "inspector" });
        Assert.Equal((17116, 1665, 263), (result.TrainRows, result.TestRows, result.Positives));
        Assert.InRange(result.DaysEarlier, 7.44, 30);
        Assert.Equal(0.5437, result.FirstHalfShareBaseline, 4);
        // 68.1% today: above the City's re-run (68%) but still under its published 69%, which issue 10 asks to reach.
        Assert.InRange(result.FirstHalfShareModel, 0.68, 1);
    }
}
