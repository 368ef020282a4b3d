using System.Net;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>Inspection tasks from creation to the completed record, with the two-officer rule, team-only access and
/// optimistic concurrency, on both databases.</summary>
public abstract partial class AppTests<TApp>
{
    /// <summary>A complaint task for a fresh entity, its team the first two officers valid today plus, when asked, the
    /// officer linked to a new Inspector-role user.</summary>
    private async Task<(int TaskId, string? User, string? Password, int[] Team)> ComplaintTaskAsync(bool withUser, int skip)
    {
        (string User, string Password)? login = withUser ? await App.CreateUserAsync(Accounts.Roles.Inspector) : null;
        return await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var today = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var officers = await db.Inspectors.Where(i => i.IsActive && i.CertificateValidFrom <= today && i.CertificateValidTo >= today)
                .OrderBy(i => i.Id).Skip(skip).Take(2).ToListAsync(Ct);
            if (login is { } l) officers[0].UserId = await db.Users.Where(u => u.UserName == l.User).Select(u => u.Id).FirstAsync(Ct);
            await db.SaveChangesAsync(Ct);
            var entity = await db.Enterprises.OrderBy(e => e.Id).Skip(100 + skip).Select(e => e.Id).FirstAsync(Ct);
            var water = await db.Campaigns.Where(c => c.Kind == Campaigns.CampaignKind.Water).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
            var created = await sp.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command(entity, TaskSource.Complaint, "12345-0001",
                [water], today, today.AddDays(7), today, InspectionMode.OnSite, true, [.. officers.Select(o => o.Id)]), Ct);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            return (created.Value, login?.User, login?.Password, officers.Select(o => o.Id).ToArray());
        });
    }

    [Fact]
    public async Task An_officer_of_the_team_starts_fills_and_completes_the_record_on_the_task_page()
    {
        var (taskId, user, password, team) = await ComplaintTaskAsync(withUser: true, skip: 0);
        var client = await SignedInAsync(user!, password!);
        Assert.Contains($"/Inspections/{taskId}", await client.GetStringAsync("/Inspections", Ct), StringComparison.Ordinal);
        var page = $"/Inspections/{taskId}";

        var start = new Dictionary<string, string> { ["Version"] = "0", ["Latitude"] = "29.7032", ["Longitude"] = "107.3895", ["AccuracyMetres"] = "12", ["Representative"] = "环保专员" };
        var started = await client.PostFormAsync($"{page}?handler=Start", WithPresent(start, team), page);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var items = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().InspectionTasks.Where(t => t.Id == taskId)
            .SelectMany(t => t.Campaigns).SelectMany(c => c.Campaign!.CheckItems).Select(i => i.Id).ToListAsync(Ct));
        Assert.NotEmpty(items);
        var answers = new Dictionary<string, string> { ["Version"] = "1", ["Findings"] = "企业正常生产，污水处理设施运行。" };
        foreach (var id in items.Skip(1)) answers[$"Answers[{id}]"] = "Conforms";
        var incomplete = await client.PostFormAsync($"{page}?handler=Complete", answers, page);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("还有 1 个检查项未填写", await incomplete.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        answers["Version"] = "2"; // the answers posted with the refused completion were saved
        answers[$"Answers[{items[0]}]"] = "NonConforming";
        answers[$"Notes[{items[0]}]"] = "雨污分流不彻底";
        var completed = await client.PostFormAsync($"{page}?handler=Complete", answers, page);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        var (task, record) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            return (await db.InspectionTasks.AsNoTracking().FirstAsync(t => t.Id == taskId, Ct),
                await db.InspectionRecords.AsNoTracking().Include(r => r.Present).Include(r => r.Answers).FirstAsync(r => r.TaskId == taskId, Ct));
        });
        Assert.Equal(EcoEnforce.Inspections.TaskStatus.Done, task.Status);
        Assert.NotNull(task.InspectedOn);
        Assert.Equal(2, record.Present.Count);
        Assert.Equal(items.Count, record.Answers.Count);
        Assert.Equal((29.7032, 107.3895), (record.Latitude!.Value, record.Longitude!.Value));
        Assert.Contains("雨污分流不彻底", await client.GetStringAsync(page, Ct), StringComparison.Ordinal);
        var printable = await client.GetStringAsync($"{page}/Record", Ct);
        Assert.Contains("现场检查笔录", printable, StringComparison.Ordinal);
        Assert.Contains("执法人员（签名）", printable, StringComparison.Ordinal);
        Assert.Contains("雨污分流不彻底", printable, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> WithPresent(Dictionary<string, string> form, int[] team)
    {
        // FormUrlEncodedContent needs distinct keys; indexed names bind to the same list.
        for (var i = 0; i < team.Length; i++) form[$"Present[{i}]"] = $"{team[i]}";
        return form;
    }

    [Fact]
    public async Task An_officer_not_on_the_team_can_neither_open_nor_work_on_the_task()
    {
        var (taskId, _, _, team) = await ComplaintTaskAsync(withUser: false, skip: 4);
        var (outsider, password) = await App.CreateUserAsync(Accounts.Roles.Inspector);
        var client = await SignedInAsync(outsider, password);
        var page = await client.GetAsync($"/Inspections/{taskId}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Inspections/{taskId}\"", await client.GetStringAsync("/Inspections", Ct), StringComparison.Ordinal);
        var admin = await SignedInAsync();
        var token = await admin.AntiforgeryTokenAsync($"/Inspections/{taskId}");
        Assert.NotNull(token);
        var status = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().InspectionTasks.Where(t => t.Id == taskId).Select(t => t.Status).FirstAsync(Ct));
        Assert.Equal(EcoEnforce.Inspections.TaskStatus.Planned, status);
        Assert.Equal(2, team.Length);
    }

    [Fact]
    public async Task The_two_officer_rule_versions_and_cancel_reasons_are_enforced()
    {
        var (taskId, _, _, team) = await ComplaintTaskAsync(withUser: false, skip: 8);
        await App.WithScopeAsync(async sp =>
        {
            var work = sp.GetRequiredService<WorkOnTask.Handler>();
            var alone = await work.StartAsync(new WorkOnTask.Start(taskId, 0, [team[0]], null, null, null, null), Ct);
            Assert.Contains("不得少于 2 名", alone.Errors.Single().Message, StringComparison.Ordinal);
            var noReason = await work.CancelAsync(new WorkOnTask.Cancel(taskId, 0, " "), Ct);
            Assert.Contains("说明理由", noReason.Errors.Single().Message, StringComparison.Ordinal);
            return 0;
        });
        // Two phones saw version 0; the first start wins, the second is refused and changes nothing.
        var first = await App.WithScopeAsync(sp => sp.GetRequiredService<WorkOnTask.Handler>().StartAsync(new WorkOnTask.Start(taskId, 0, team, null, null, null, "甲"), Ct));
        Assert.True(first.Succeeded);
        var second = await App.WithScopeAsync(sp => sp.GetRequiredService<WorkOnTask.Handler>().CancelAsync(new WorkOnTask.Cancel(taskId, 0, "重复任务"), Ct));
        Assert.False(second.Succeeded);
        Assert.Contains("已被他人修改", second.Errors.Single().Message, StringComparison.Ordinal);
        var task = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().InspectionTasks.AsNoTracking().FirstAsync(t => t.Id == taskId, Ct));
        Assert.Equal((EcoEnforce.Inspections.TaskStatus.InProgress, 1, (string?)null), (task.Status, task.Version, task.CancelReason));

        var refusedTeam = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var expired = await db.Inspectors.Where(i => i.CertificateValidTo < new DateOnly(2023, 1, 1)).Select(i => i.Id).FirstAsync(Ct);
            var entity = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
            var campaign = await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
            var today = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            return await sp.GetRequiredService<CreateTask.Handler>().HandleAsync(new CreateTask.Command(entity, TaskSource.Referral, null, [campaign],
                today, today.AddDays(3), null, InspectionMode.OnSite, false, [team[0], expired]), Ct);
        });
        Assert.Contains("执法证", refusedTeam.Errors.Single().Message, StringComparison.Ordinal);
    }
}
