using System.Net;
using EcoEnforce.Data;
using EcoEnforce.Monitoring.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>数据线索: entities ranked by combined score; a lead becomes an unannounced 大数据平台推动 task under the
/// automatic-monitoring campaign in one form; dismissing needs a reason.</summary>
public abstract partial class AppTests<TApp>
{
    private async Task<(long Strong, long Weak, string StrongEntity)> LeadsAsync() => await App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EcoEnforceDb>();
        var points = await db.MonitoringPoints.Include(p => p.Enterprise).OrderBy(p => p.Id).Skip(40).Take(2).ToListAsync(Ct);
        Lead New(int point, string signature, double score, int hour) => new()
        {
            MonitoringPointId = points[point].Id, EnterpriseId = points[point].EnterpriseId, Signature = signature, PollutantCode = "a21002",
            Kind = Monitoring.ReadingKind.Hour, FromUtc = new DateTime(2030, 3, 1, hour, 0, 0, DateTimeKind.Utc),
            ToUtc = new DateTime(2030, 3, 1, hour + 8, 0, 0, DateTimeKind.Utc), Score = score, Explanation = $"测试线索 {signature}",
            DetectedAtUtc = DateTime.UtcNow,
        };
        var strong = New(0, "stuck", 0.6, 0);
        var weak = New(1, "completeness", 0.7, 0);
        db.Leads.AddRange(strong, New(0, "limit-bunching", 0.5, 2), weak);
        await db.SaveChangesAsync(Ct);
        return (strong.Id, weak.Id, points[0].Enterprise!.Name);
    });

    [Fact]
    public async Task Leads_rank_entities_by_combined_score_and_a_lead_becomes_an_unannounced_data_lead_task()
    {
        var (strong, weak, entity) = await LeadsAsync();
        var chief = await SignedInAsAsync(Accounts.Roles.SectionChief);
        var page = await chief.GetStringAsync("/Monitoring/Leads", Ct);
        // 1 − (1 − 0.6)(1 − 0.5) = 0.8 outranks a single 0.7.
        Assert.True(page.IndexOf($"lead-{strong}", StringComparison.Ordinal) < page.IndexOf($"lead-{weak}", StringComparison.Ordinal));
        Assert.Contains($"{entity} <span class=\"badge over\">可疑度 80</span>", page, StringComparison.Ordinal);
        Assert.Contains("HighlightFrom=2030-03-01T08:00&amp;HighlightTo=2030-03-01T16:00", page, StringComparison.Ordinal); // the chart shades the stretch

        var form = await chief.GetStringAsync($"/Inspections/New?LeadId={strong}", Ct);
        Assert.Contains($"数据线索#{strong}", form, StringComparison.Ordinal);
        var (campaign, officers, code) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var today = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            // The form offers the current plans' campaigns, latest year first (other tests add later plans).
            var c = (await Campaigns.PlanQueries.CurrentCampaignsAsync(db, Ct)).First(x => x.Kind == Campaigns.CampaignKind.AutoMonitoringFraud).Id;
            var o = await db.Inspectors.Where(i => i.IsActive && i.CertificateValidFrom <= today && i.CertificateValidTo >= today).OrderBy(i => i.Id).Skip(6).Take(2).Select(i => i.Id).ToListAsync(Ct);
            var e = await db.Leads.Where(l => l.Id == strong).Join(db.Enterprises, l => l.EnterpriseId, x => x.Id, (l, x) => x.CreditCode).FirstAsync(Ct);
            return (c, o, e);
        });
        Assert.Contains($"value=\"{campaign}\" checked", form.Replace("checked=\"checked\"", "checked", StringComparison.Ordinal), StringComparison.Ordinal);
        var today = Common.ChinaTime.Today(TimeProvider.System);
        var fields = new Dictionary<string, string>
        {
            ["LeadId"] = $"{strong}", ["CreditCode"] = code, ["Source"] = "DataLead", ["SourceNote"] = $"数据线索#{strong}", ["CampaignIds"] = $"{campaign}",
            ["WindowStart"] = today.ToString("yyyy-MM-dd"), ["WindowEnd"] = today.AddDays(7).ToString("yyyy-MM-dd"), ["Mode"] = "OnSite", ["Unannounced"] = "true",
        };
        var content = new FormUrlEncodedContent(fields.Concat(officers.Select(o => new KeyValuePair<string, string>("InspectorIds", $"{o}")))
            .Append(new("__RequestVerificationToken", await chief.AntiforgeryTokenAsync("/Inspections/New"))));
        var created = await chief.PostAsync("/Inspections/New", content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var taskId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var (lead, task) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            return (await db.Leads.AsNoTracking().FirstAsync(l => l.Id == strong, Ct), await db.InspectionTasks.AsNoTracking().FirstAsync(t => t.Id == taskId, Ct));
        });
        Assert.Equal((LeadStatus.Tasked, taskId), (lead.Status, lead.TaskId));
        Assert.Equal((Inspections.TaskSource.DataLead, true), (task.Source, task.Unannounced));

        var noReason = await chief.PostFormAsync("/Monitoring/Leads?handler=Dismiss", new() { ["leadId"] = $"{weak}", ["reason"] = "" }, "/Monitoring/Leads");
        Assert.Contains("排除线索须写明理由", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync("/Monitoring/Leads?handler=Dismiss",
            new() { ["leadId"] = $"{weak}", ["reason"] = "设备检修已备案" }, "/Monitoring/Leads")).StatusCode);
        Assert.DoesNotContain($"lead-{weak}", await chief.GetStringAsync("/Monitoring/Leads", Ct), StringComparison.Ordinal);
    }
}
