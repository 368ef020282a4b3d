using EcoEnforce.Problems;

namespace EcoEnforce.Core.Tests.Problems;

public sealed class RepeatOffenderTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    private Task<IReadOnlyList<RepeatOffender>> Find(DateOnly until) =>
        _db.Run<RepeatOffenders.Handler, IReadOnlyList<RepeatOffender>>(h => h.HandleAsync(new(until), Ct));

    [Fact]
    public async Task An_entity_found_at_fault_on_two_inspections_within_twelve_months_is_a_repeat_offender()
    {
        var repeat = await _db.AddEnterpriseAsync("重复违法化工有限公司");
        var first = await _db.AddTaskAsync(repeat, new(2021, 11, 10));
        await _db.OpenAsync(ProblemTestDb.Water(repeat, new(2021, 11, 10), first));
        await _db.OpenAsync(ProblemTestDb.Water(repeat, new(2022, 6, 3)));

        var once = await _db.AddEnterpriseAsync("一次违法建材有限公司");
        var visit = await _db.AddTaskAsync(once, new(2022, 5, 5));
        // Three problems on one visit are one occasion, however many rows.
        for (var i = 0; i < 3; i++) await _db.OpenAsync(ProblemTestDb.Water(once, new(2022, 5, 5), visit));
        await _db.OpenAsync(ProblemTestDb.Water(once, new(2022, 5, 5)));

        var offender = Assert.Single(await Find(new(2022, 9, 20)));
        Assert.Equal((repeat, "重复违法化工有限公司", 2, 2), (offender.EnterpriseId, offender.EnterpriseName, offender.Occasions, offender.ProblemCount));
        Assert.Equal([new DateOnly(2021, 11, 10), new DateOnly(2022, 6, 3)], offender.Dates);
    }

    [Fact]
    public async Task Problems_more_than_twelve_months_apart_do_not_make_a_repeat_offender()
    {
        var enterprise = await _db.AddEnterpriseAsync();
        await _db.OpenAsync(ProblemTestDb.Water(enterprise, new(2021, 9, 20)));
        await _db.OpenAsync(ProblemTestDb.Water(enterprise, new(2022, 9, 1)));
        Assert.Empty(await Find(new(2022, 9, 20)));
        Assert.Single(await Find(new(2022, 9, 19)));
    }
}
