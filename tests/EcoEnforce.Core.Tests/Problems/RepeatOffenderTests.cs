using EcoEnforce.Problems;

namespace EcoEnforce.Core.Tests.Problems;

public sealed class RepeatOffenderTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    private async Task<IReadOnlyList<RepeatOffender>> Find(DateOnly until) =>
        (await _db.Run<RepeatOffenders.Handler, RepeatOffenders.Page>(h => h.PageAsync(new(until), null, 1, 100, Ct))).Rows;

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

    [Fact]
    public async Task Offenders_are_paged_by_the_database_most_occasions_first_with_the_total_over_all_pages()
    {
        var day = new DateOnly(2022, 3, 1);
        async Task<int> OffenderAsync(string name, int occasions)
        {
            var id = await _db.AddEnterpriseAsync(name);
            for (var i = 0; i < occasions; i++) await _db.OpenAsync(ProblemTestDb.Water(id, day.AddDays(7 * i)));
            return id;
        }
        var three = await OffenderAsync("三次化工有限公司", 3);
        var twoA = await OffenderAsync("两次建材一号有限公司", 2);
        var twoB = await OffenderAsync("两次建材二号有限公司", 2);
        await OffenderAsync("一次食品有限公司", 1);

        var first = await _db.Run<RepeatOffenders.Handler, RepeatOffenders.Page>(h => h.PageAsync(new(new(2022, 9, 1)), null, 1, 2, Ct));
        var second = await _db.Run<RepeatOffenders.Handler, RepeatOffenders.Page>(h => h.PageAsync(new(new(2022, 9, 1)), null, 9, 2, Ct));

        Assert.Equal((3, 2), (first.Total, first.PageCount));
        Assert.Equal([(three, 3), (twoA, 2)], first.Rows.Select(o => (o.EnterpriseId, o.Occasions)));
        Assert.Equal(2, second.PageNumber);
        Assert.Equal([twoB], second.Rows.Select(o => o.EnterpriseId));
    }
}
