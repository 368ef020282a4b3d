using System.Net;
using EcoEnforce.Common.Excel;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>From a 不符合 answer to a closed problem: recorded on the ledger, penalised in exact 万元, reported
/// rectified, verified by a 回头看 inspection, and counted in the 附表2 workbook — on both databases.</summary>
public abstract partial class AppTests<TApp>
{
    /// <summary>Runs a task through start, a full checklist (first item 不符合 with a note) and completion.</summary>
    private async Task CompleteTaskAsync(int taskId, int[] team, string note)
    {
        await App.WithScopeAsync(async sp =>
        {
            var work = sp.GetRequiredService<WorkOnTask.Handler>();
            var db = sp.GetRequiredService<EcoEnforceDb>();
            Assert.True((await work.StartAsync(new WorkOnTask.Start(taskId, 0, team, null, null, null, null), Ct)).Succeeded);
            var items = await db.InspectionTasks.Where(t => t.Id == taskId).SelectMany(t => t.Campaigns).SelectMany(c => c.Campaign!.CheckItems)
                .Select(i => i.Id).ToListAsync(Ct);
            var answers = items.Select((id, i) => new WorkOnTask.Answer(id, i == 0 ? CheckAnswer.NonConforming : CheckAnswer.Conforms, i == 0 ? note : null)).ToList();
            Assert.True((await work.SaveRecordAsync(new WorkOnTask.SaveRecord(taskId, 1, answers, "检查情况见检查表。"), Ct)).Succeeded);
            var done = await work.CompleteAsync(new WorkOnTask.Complete(taskId, 2), Ct);
            Assert.True(done.Succeeded, string.Join("; ", done.Errors.Select(e => e.Message)));
            return 0;
        });
    }

    [Fact]
    public async Task A_problem_found_on_site_is_penalised_rectified_verified_by_a_follow_up_and_closed()
    {
        var (taskId, _, _, team) = await ComplaintTaskAsync(withUser: false, skip: 12);
        await CompleteTaskAsync(taskId, team, "废水直排雨水管网");
        var client = await SignedInAsync();
        var item = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().ChecklistAnswers
            .Where(a => a.Answer == CheckAnswer.NonConforming && sp.GetRequiredService<EcoEnforceDb>().InspectionRecords.Any(r => r.Id == a.RecordId && r.TaskId == taskId))
            .Select(a => a.CheckItemId).FirstAsync(Ct));
        Assert.Contains($"/Ledger/New?TaskId={taskId}&CheckItemId={item}", await client.GetStringAsync($"/Inspections/{taskId}", Ct), StringComparison.Ordinal);

        var form = $"/Ledger/New?TaskId={taskId}&CheckItemId={item}";
        Assert.Contains("废水直排雨水管网", await client.GetStringAsync(form, Ct), StringComparison.Ordinal);
        var opened = await client.PostFormAsync(form, new() { ["TaskId"] = $"{taskId}", ["Category"] = "Water", ["Description"] = "废水直排雨水管网", ["Deadline"] = "2099-01-01" }, form);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var problemId = int.Parse(opened.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var page = $"/Ledger/{problemId}";

        async Task<HttpResponseMessage> PostAsync(string handler, Dictionary<string, string> fields)
        {
            var version = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Problems.Where(p => p.Id == problemId).Select(p => p.Version).FirstAsync(Ct));
            fields["Version"] = $"{version}";
            return await client.PostFormAsync($"{page}?handler={handler}", fields, page);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("Measure", new() { ["Kind"] = "Penalty", ["DecisionNumber"] = "渝涪环罚〔2026〕1号", ["FineWan"] = "0.1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("Measure", new() { ["Kind"] = "Penalty", ["DecisionNumber"] = "渝涪环罚〔2026〕2号", ["FineWan"] = "0.2" })).StatusCode);
        var tooPrecise = await PostAsync("Measure", new() { ["Kind"] = "Penalty", ["DecisionNumber"] = "渝涪环罚〔2026〕3号", ["FineWan"] = "0.12345" });
        Assert.Contains("最多保留 4 位小数", await tooPrecise.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("罚款合计</dt><dd>0.3 万元", await client.GetStringAsync(page, Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("Rectified", new() { ["Note"] = "已完成雨污分流改造" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("FollowUp", [])).StatusCode);
        var followUp = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().InspectionTasks.Where(t => t.VerifiesProblemId == problemId).Select(t => t.Id).FirstAsync(Ct));
        await CompleteTaskAsync(followUp, team, "复查：已整改");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("Verify", new() { ["FollowUpTaskId"] = $"{followUp}", ["Rectified"] = "true", ["Note"] = "现场核实整改到位" })).StatusCode);

        var problem = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Problems.AsNoTracking().Include(p => p.Events).FirstAsync(p => p.Id == problemId, Ct));
        var api = await ApiAsync();
        var closed = await api.GetStringAsync("/api/v1/problems?status=Closed&category=Water", Ct);
        Assert.Contains("废水直排雨水管网", closed, StringComparison.Ordinal);
        Assert.Contains("\"totalFineWan\":0.3", closed, StringComparison.Ordinal);
        var taskJson = await api.GetStringAsync($"/api/v1/inspections/{taskId}", Ct);
        Assert.Contains("NonConforming", taskJson, StringComparison.Ordinal);
        Assert.Equal(ProblemStatus.Closed, problem.Status);
        Assert.Contains(problem.Events, e => e.Kind == ProblemEventKind.VerificationPassed);

        var campaign = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Problems.Where(p => p.Id == problemId).Select(p => p.CampaignId).FirstAsync(Ct));
        var month = problem.FoundOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var report = await client.GetAsync($"/Ledger?handler=Report&CampaignId={campaign}&Month={month}", Ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var rows = XlsxReader.ReadFirstSheet(await report.Content.ReadAsStreamAsync(Ct));
        var detail = rows.First(r => r.Cells.Values.Any(c => c.Contains("废水直排雨水管网", StringComparison.Ordinal))).Cells;
        Assert.Contains("0.3", detail.Values);
        Assert.Equal("是", detail[detail.Keys.Max()]); // 是否完成整改, the last column
        Assert.Contains(rows, r => r.Cells.Values.Any(c => c.StartsWith("涪陵区", StringComparison.Ordinal) && c.EndsWith("工作情况报表", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_problem_cannot_be_closed_without_a_completed_follow_up_inspection()
    {
        var (taskId, _, _, team) = await ComplaintTaskAsync(withUser: false, skip: 16);
        await CompleteTaskAsync(taskId, team, "危废台账不全");
        var result = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var task = await db.InspectionTasks.AsNoTracking().Include(t => t.Campaigns).FirstAsync(t => t.Id == taskId, Ct);
            var opened = await sp.GetRequiredService<OpenProblem.Handler>().HandleAsync(new OpenProblem.Command(ProblemCategory.SolidHazardousWaste, null,
                "危废台账不全", task.EnterpriseId, task.Source, null, task.InspectedOn!.Value, taskId, task.Campaigns[0].CampaignId, null), Ct);
            await sp.GetRequiredService<ReportRectification.Handler>().HandleAsync(new ReportRectification.Command(opened.Value, task.InspectedOn!.Value, "已补齐"), Ct);
            // The inspection that found the problem cannot also be the one that verifies it.
            return await sp.GetRequiredService<RecordVerification.Handler>().HandleAsync(new RecordVerification.Command(opened.Value, taskId, true, null), Ct);
        });
        Assert.False(result.Succeeded);
    }
}

public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_liaison_officer_sees_only_his_townships_problems_and_not_the_district_report()
    {
        var (mine, other, township) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var entities = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
            var first = entities[3];
            var second = entities.First(e => e.TownshipId != first.TownshipId);
            var open = sp.GetRequiredService<OpenProblem.Handler>();
            async Task<int> OpenAsync(int entity, string text) => (await open.HandleAsync(new OpenProblem.Command(ProblemCategory.Air, null, text, entity,
                TaskSource.Complaint, null, new DateOnly(2022, 6, 1), null, null, null), Ct)).Value;
            return (await OpenAsync(first.Id, "联络员辖区内：扬尘未覆盖"), await OpenAsync(second.Id, "其他乡镇：油烟直排"), first.TownshipId);
        });
        var (user, password) = await App.CreateUserAsync(Accounts.Roles.Liaison, township);
        var client = await SignedInAsync(user, password);
        var ledger = await client.GetStringAsync("/Ledger?Year=2022", Ct);
        Assert.Contains("联络员辖区内：扬尘未覆盖", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("其他乡镇：油烟直排", ledger, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Ledger/{mine}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/Ledger/{other}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Inspections", Ct)).StatusCode);
    }
}

public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_repeat_offender_is_on_the_repeat_offender_ledger_and_escalations_are_recorded_with_dates()
    {
        var (entityId, name) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var today = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var entity = await db.Enterprises.AsNoTracking().Where(e => e.IsConstructionSite).OrderBy(e => e.Id).Skip(2).FirstAsync(Ct);
            var open = sp.GetRequiredService<OpenProblem.Handler>();
            foreach (var (days, text) in new[] { (40, "夜间违规施工（第一次）"), (10, "夜间违规施工（第二次）") })
                Assert.True((await open.HandleAsync(new OpenProblem.Command(ProblemCategory.Other, "噪声", text, entity.Id, TaskSource.Complaint, null,
                    today.AddDays(-days), null, null, null), Ct)).Succeeded);
            return (entity.Id, entity.Name);
        });
        var client = await SignedInAsync();
        Assert.Contains("href=\"/Ledger/Repeat\"", await client.GetStringAsync("/Ledger", Ct), StringComparison.Ordinal);
        var ledger = await client.GetStringAsync("/Ledger/Repeat", Ct);
        Assert.Contains("屡查屡犯台账", ledger, StringComparison.Ordinal);
        Assert.Contains(name, ledger, StringComparison.Ordinal);

        var posted = await client.PostFormAsync("/Ledger/Repeat?handler=Escalate",
            new() { ["enterpriseId"] = $"{entityId}", ["kind"] = "NotifyHousingDepartment", ["note"] = "函告区住建委" }, "/Ledger/Repeat");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("通报住建部门：函告区住建委", await client.GetStringAsync("/Ledger/Repeat", Ct), StringComparison.Ordinal);

        var (viewer, password) = await App.CreateUserAsync(Accounts.Roles.Viewer);
        var readOnly = await SignedInAsync(viewer, password);
        var refused = await readOnly.PostFormAsync("/Ledger/Repeat?handler=Escalate", new() { ["enterpriseId"] = $"{entityId}", ["kind"] = "PublicExposure" }, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}

public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task An_officers_board_lists_the_overdue_problems_his_team_found()
    {
        var (taskId, user, password, _) = await ComplaintTaskAsync(withUser: true, skip: 24);
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var today = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var entity = await db.InspectionTasks.Where(t => t.Id == taskId).Select(t => t.EnterpriseId).FirstAsync(Ct);
            var opened = await sp.GetRequiredService<OpenProblem.Handler>().HandleAsync(new OpenProblem.Command(ProblemCategory.Water, null,
                "逾期未整改：排污口标识缺失", entity, TaskSource.Complaint, null, today.AddDays(-20), taskId, null, today.AddDays(-5)), Ct);
            Assert.True(opened.Succeeded, string.Join("; ", opened.Errors.Select(e => e.Message)));
            return 0;
        });
        var board = await (await SignedInAsync(user!, password!)).GetStringAsync("/Inspections", Ct);
        Assert.Contains("已超过整改时限", board, StringComparison.Ordinal);
        Assert.Contains("逾期未整改：排污口标识缺失", board, StringComparison.Ordinal);
        var (other, otherPassword) = await App.CreateUserAsync(Accounts.Roles.Inspector);
        Assert.DoesNotContain("逾期未整改：排污口标识缺失", await (await SignedInAsync(other, otherPassword)).GetStringAsync("/Inspections", Ct), StringComparison.Ordinal);
    }
}
