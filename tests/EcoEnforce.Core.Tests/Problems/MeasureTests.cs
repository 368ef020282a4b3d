using EcoEnforce.Common;
using EcoEnforce.Problems;

namespace EcoEnforce.Core.Tests.Problems;

public sealed class MeasureTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Found = new(2022, 9, 1);

    public void Dispose() => _db.Dispose();

    private Task<Result<int>> Add(AddMeasure.Command command) =>
        _db.Run<AddMeasure.Handler, Result<int>>(h => h.HandleAsync(command, Ct));

    private int _decisions;

    private AddMeasure.Command Penalty(int problemId, decimal fine) =>
        new(problemId, MeasureKind.Penalty, Found.AddDays(10), $"渝（涪）环罚〔2022〕{++_decisions}号", fine);

    private async Task<LedgerRow> RowAsync(int problemId) =>
        Assert.Single((await _db.Run<Ledger.Handler, Ledger.Page>(h => h.PageAsync(new Ledger.Filter(), 1, 1000, Ct))).Rows, r => r.Id == problemId);

    [Fact]
    public async Task A_fine_with_five_decimals_is_refused()
    {
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(await _db.AddEnterpriseAsync(), Found));
        var result = await Add(Penalty(problemId, 1.23456m));
        Assert.Equal("罚款金额（万元）最多保留 4 位小数", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task A_penalty_needs_a_decision_number_and_a_fine_and_only_a_penalty_has_a_fine()
    {
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(await _db.AddEnterpriseAsync(), Found));
        var penalty = await Add(new(problemId, MeasureKind.Penalty, Found));
        Assert.Equal(["DecisionNumber", "FineWan"], penalty.Errors.Select(e => e.Field));
        var order = await Add(new(problemId, MeasureKind.WrittenOrder, Found, FineWan: 1m));
        Assert.Equal("FineWan", Assert.Single(order.Errors).Field);
        var negative = await Add(Penalty(problemId, -0.5m));
        Assert.Equal("罚款金额（万元）不能为负数", Assert.Single(negative.Errors).Message);
    }

    [Fact]
    public async Task A_measure_before_the_problem_was_found_is_refused()
    {
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(await _db.AddEnterpriseAsync(), Found));
        var result = await Add(new(problemId, MeasureKind.CriticismEducation, Found.AddDays(-1)));
        Assert.Equal("TakenOn", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task Fines_of_a_tenth_and_two_tenths_sum_to_exactly_three_tenths()
    {
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(await _db.AddEnterpriseAsync(), Found));
        Assert.True((await Add(Penalty(problemId, 0.1m))).Succeeded);
        Assert.True((await Add(Penalty(problemId, 0.2m))).Succeeded);
        Assert.Equal(0.3m, (await RowAsync(problemId)).TotalFineWan);
    }

    [Fact]
    public async Task Many_one_yuan_fines_sum_exactly()
    {
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(await _db.AddEnterpriseAsync(), Found));
        for (var i = 0; i < 300; i++) Assert.True((await Add(Penalty(problemId, 0.0001m))).Succeeded);
        Assert.True((await Add(Penalty(problemId, 12345678.9999m))).Succeeded);
        Assert.Equal(12345679.0299m, (await RowAsync(problemId)).TotalFineWan);
    }

    [Fact]
    public async Task Measures_show_in_the_ledger_and_the_timeline_with_their_dates()
    {
        var problemId = await _db.OpenAsync(ProblemTestDb.Water(await _db.AddEnterpriseAsync(), Found));
        Assert.True((await Add(new(problemId, MeasureKind.Interview, Found.AddDays(2), Note: "已收承诺书"))).Succeeded);
        Assert.True((await Add(new(problemId, MeasureKind.ClosureApplication, Found.AddDays(5)))).Succeeded);
        var row = await RowAsync(problemId);
        Assert.Equal([MeasureKind.Interview, MeasureKind.ClosureApplication], row.Measures.Order());
        Assert.Equal(0m, row.TotalFineWan);
        Assert.Equal(3, row.Version);
    }
}
