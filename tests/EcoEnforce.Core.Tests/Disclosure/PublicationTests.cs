using EcoEnforce.Common;
using EcoEnforce.Core.Tests.Problems;
using EcoEnforce.Data;
using EcoEnforce.Disclosure;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Core.Tests.Disclosure;

/// <summary>Penalty decisions due in 7 working days across the 2022 National Day holiday: drafted masked, published on
/// the last day (on time) or the next (late), and the year's disclosure rate.</summary>
public sealed class PublicationTests : IDisposable
{
    private readonly ProblemTestDb _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    private static readonly Publications.PenaltyInput Individual = new(PartyKind.Individual, "张三丰",
        null, "经查，张三丰（身份证号11010519491231002X，电话13912345678）私设暗管排放废水。", "《中华人民共和国水污染防治法》第八十三条",
        "罚款人民币2万元。", "十五日内缴纳。");

    /// <summary>A penalty decided on Wednesday 28 September 2022: 9/29, 9/30, the make-up Saturday 10/8 and Sunday 10/9,
    /// then 10/10, 10/11, 10/12 — due 12 October.</summary>
    private async Task<int> PenaltyAsync(string number)
    {
        _db.Clock.Now = China(9, 28, 12);
        var e = await _db.AddEnterpriseAsync();
        var problem = await _db.OpenAsync(ProblemTestDb.Water(e, new(2022, 9, 20)));
        var added = await _db.Run<AddMeasure.Handler, Result<int>>(h => h.HandleAsync(new(problem, MeasureKind.Penalty, new(2022, 9, 28), number, 2m), Ct));
        Assert.True(added.Succeeded, string.Join("；", added.Errors.Select(x => x.Message)));
        using var scope = _db.NewScope();
        return await scope.ServiceProvider.GetRequiredService<EcoEnforceDb>().ProblemMeasures.Where(m => m.DecisionNumber == number).Select(m => m.Id).FirstAsync(Ct);
    }

    private async Task<int> PublishAsync(int measureId, DateTimeOffset at)
    {
        _db.Clock.Now = at;
        var draft = await _db.Run<Publications.Handler, Result<int>>(h => h.PreparePenaltyAsync(measureId, Individual, Ct));
        Assert.True(draft.Succeeded, string.Join("；", draft.Errors.Select(x => x.Message)));
        Assert.True((await _db.Run<Publications.Handler, Result<int>>(h => h.SubmitAsync(draft.Value, Ct))).Succeeded);
        // The test actor drafted it, so approving as the same actor is refused; the reviewer is someone else.
        Assert.Equal("ReviewedBy", Assert.Single((await _db.Run<Publications.Handler, Result<int>>(h => h.ApproveAsync(draft.Value, Ct))).Errors).Field);
        using (var scope = _db.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
            await db.Publications.Where(p => p.Id == draft.Value).ExecuteUpdateAsync(u => u.SetProperty(p => p.CreatedBy, "起草人"), Ct);
        }
        Assert.True((await _db.Run<Publications.Handler, Result<int>>(h => h.ApproveAsync(draft.Value, Ct))).Succeeded);
        return draft.Value;
    }

    private async Task<List<DueItem>> DueAsync()
    {
        using var scope = _db.NewScope();
        return await DisclosureDue.ForYearAsync(scope.ServiceProvider.GetRequiredService<EcoEnforceDb>(), _db.Clock, 2022, Ct);
    }

    private static DateTimeOffset China(int month, int day, int hour = 10) => new(2022, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_penalty_published_on_the_seventh_working_day_is_on_time_and_one_a_day_later_is_late()
    {
        var onTime = await PenaltyAsync("渝（涪）环罚〔2022〕1号");
        var late = await PenaltyAsync("渝（涪）环罚〔2022〕2号");
        var never = await PenaltyAsync("渝（涪）环罚〔2022〕3号");
        await PublishAsync(onTime, China(10, 12, 23));
        await PublishAsync(late, China(10, 13, 0));

        var items = await DueAsync();
        Assert.All(items, i => Assert.Equal(new DateOnly(2022, 10, 12), i.DueOn));
        Assert.Equal(DueState.OnTime, items.Single(i => i.SourceId == onTime).State);
        Assert.Equal(DueState.PublishedLate, items.Single(i => i.SourceId == late).State);
        Assert.Equal(DueState.Late, items.Single(i => i.SourceId == never).State);
        var rate = DisclosureDue.Rate(2022, items, new DateOnly(2022, 10, 13));
        Assert.Equal((3, 2, 1), (rate.Due, rate.Published, rate.OnTime));
        Assert.Equal(66.7, rate.Percent);
    }

    [Fact]
    public async Task An_unpublished_penalty_is_due_soon_within_three_working_days_of_its_deadline_and_pending_before()
    {
        var measure = await PenaltyAsync("渝（涪）环罚〔2022〕4号");
        _db.Clock.Now = China(9, 30); // 10/8, 10/9, 10/10, 10/11, 10/12 remain: five working days
        Assert.Equal(DueState.Pending, Assert.Single(await DueAsync()).State);
        _db.Clock.Now = China(10, 9); // 10/10, 10/11, 10/12
        Assert.Equal(DueState.DueSoon, Assert.Single(await DueAsync()).State);
        Assert.Equal(0, DisclosureDue.Rate(2022, await DueAsync(), new DateOnly(2022, 10, 9)).Due); // not yet due: not counted
        _ = measure;
    }

    [Fact]
    public async Task The_drafted_content_is_already_masked_and_a_withdrawal_keeps_only_the_reason_public()
    {
        var measure = await PenaltyAsync("渝（涪）环罚〔2022〕5号");
        var id = await PublishAsync(measure, China(10, 10));
        using (var scope = _db.NewScope())
        {
            var p = await scope.ServiceProvider.GetRequiredService<EcoEnforceDb>().Publications.AsNoTracking().FirstAsync(x => x.Id == id, Ct);
            var content = PublicJson.Deserialize<PenaltyDecisionContent>(p.ContentJson);
            Assert.Equal("张某", content.PartyName);
            Assert.Null(content.CreditCode);
            Assert.DoesNotContain("张三丰", content.Facts, StringComparison.Ordinal);
            Assert.DoesNotContain("11010519491231002X", content.Facts, StringComparison.Ordinal);
            Assert.DoesNotContain("13912345678", content.Facts, StringComparison.Ordinal);
        }
        Assert.Equal("PublicNote", Assert.Single((await _db.Run<Publications.Handler, Result<int>>(h => h.WithdrawAsync(id, " ", Ct))).Errors).Field);
        Assert.True((await _db.Run<Publications.Handler, Result<int>>(h => h.WithdrawAsync(id, "处罚决定已撤销", Ct))).Succeeded);
        using var read = _db.NewScope();
        var item = await PublicQueries.FindAsync(read.ServiceProvider.GetRequiredService<EcoEnforceDb>(), id, Ct);
        Assert.True(item!.Withdrawn);
        Assert.Null(item.ContentJson);
        Assert.Equal("处罚决定已撤销", item.PublicNote);
    }
}
