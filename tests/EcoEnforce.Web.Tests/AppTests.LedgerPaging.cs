using System.Text.RegularExpressions;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>The ledger page reads one page at a time, with the totals of everything the filter matches counted by the
/// database (a district's ledger grows to hundreds of thousands of problems).</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task The_ledger_shows_one_page_of_problems_at_a_time_with_totals_over_all_pages_and_keeps_its_filters_across_pages()
    {
        const int count = 250;
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            if (await db.Problems.AnyAsync(p => p.Description == "分页测试问题0", Ct)) return 0;
            var entity = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
            for (var i = 0; i < count; i++)
            {
                var problem = new Problem
                {
                    Category = ProblemCategory.Water, Description = $"分页测试问题{i}", EnterpriseId = entity, FoundOn = new DateOnly(2047, 1, 1).AddDays(i),
                    // Every fifth overdue (deadline passed, open); every tenth fined 0.1234 万元.
                    RectificationDeadline = i % 5 == 0 ? new DateOnly(2020, 1, 1) : new DateOnly(2099, 1, 1),
                    Status = ProblemStatus.Open, CreatedAtUtc = DateTime.UtcNow, CreatedBy = "测试员",
                };
                if (i % 10 == 0)
                    problem.Measures.Add(new ProblemMeasure { Kind = MeasureKind.Penalty, TakenOn = problem.FoundOn, FineWan = 0.1234m, RecordedBy = "测试员", DecisionNumber = $"测〔2047〕{i}号" });
                db.Problems.Add(problem);
            }
            return await db.SaveChangesAsync(Ct);
        });

        var client = await SignedInAsync();
        var first = await client.GetStringAsync("/Ledger?Year=2047", Ct);
        const int pageSize = Pages.Ledger.IndexModel.PageSize;
        Assert.Equal(pageSize, Regex.Matches(first, "<td data-label=\"序号\">").Count);
        Assert.Contains("共 250 个问题，其中逾期未整改 50 个；罚款合计 3.085 万元。", first, StringComparison.Ordinal);
        var next = Regex.Match(first, "<a href=\"(/Ledger\\?[^\"]*pg=2)\">下一页</a>").Groups[1].Value;
        Assert.Contains("Year=2047", System.Net.WebUtility.HtmlDecode(next), StringComparison.Ordinal);

        var second = await client.GetStringAsync(System.Net.WebUtility.HtmlDecode(next), Ct);
        Assert.Contains($"分页测试问题{pageSize}<", second, StringComparison.Ordinal);
        Assert.DoesNotContain($"分页测试问题{pageSize - 1}<", second, StringComparison.Ordinal);
        // A page past the end shows the last page rather than nothing.
        var pages = (count + pageSize - 1) / pageSize;
        var last = await client.GetStringAsync("/Ledger?Year=2047&pg=99", Ct);
        Assert.Contains($"第 {pages} / {pages} 页", last, StringComparison.Ordinal);
        Assert.Equal(count - (pages - 1) * pageSize, Regex.Matches(last, "<td data-label=\"序号\">").Count);
        Assert.Contains("分页测试问题249<", last, StringComparison.Ordinal);
        Assert.DoesNotContain("下一页", last, StringComparison.Ordinal);
        // The API pages the same way: the last of three pages of 100, and a page size out of range is refused.
        var api = await ApiAsync();
        var json = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/problems?year=2047&pageSize=100&page=3", Ct);
        Assert.Equal((count, 3, count - 200), (json.GetProperty("total").GetInt32(), json.GetProperty("page").GetInt32(), json.GetProperty("items").GetArrayLength()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/problems?pageSize=5000", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_ledger_opens_on_the_current_year_and_every_year_is_one_choice_away()
    {
        var thisYear = await App.WithScopeAsync(async sp =>
        {
            var today = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var open = sp.GetRequiredService<OpenProblem.Handler>();
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var entity = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).Skip(5).FirstAsync(Ct);
            foreach (var (day, text) in new[] { (today, "年度默认测试：今年的问题"), (today.AddYears(-1), "年度默认测试：去年的问题") })
                Assert.True((await open.HandleAsync(new OpenProblem.Command(ProblemCategory.Air, null, text, entity, Inspections.TaskSource.Complaint, null,
                    day, null, null, null), Ct)).Succeeded);
            return today.Year;
        });
        var client = await SignedInAsync();

        var ledger = await client.GetStringAsync("/Ledger", Ct);
        Assert.Contains("年度默认测试：今年的问题", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("年度默认测试：去年的问题", ledger, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{thisYear}\" selected=\"selected\">{thisYear} 年</option>", ledger, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{thisYear - 1}\">{thisYear - 1} 年</option>", ledger, StringComparison.Ordinal);

        var everyYear = await client.GetStringAsync("/Ledger?Year=&Category=Air", Ct);
        Assert.Contains("年度默认测试：今年的问题", everyYear, StringComparison.Ordinal);
        Assert.Contains("年度默认测试：去年的问题", everyYear, StringComparison.Ordinal);
    }
}
