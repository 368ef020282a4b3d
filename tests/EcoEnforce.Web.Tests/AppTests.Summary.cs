using System.Net;
using DocumentFormat.OpenXml.Packaging;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Inspections;
using EcoEnforce.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>年度总结: staff read it, liaison officers may not, editors choose the typical cases that the Word file tells.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task Summary_page_is_shown_to_staff_with_download_links_and_refused_to_a_liaison()
    {
        var (viewer, password) = await App.CreateUserAsync(Accounts.Roles.Viewer);
        var staff = await SignedInAsync(viewer, password);
        var page = await staff.GetAsync("/Reports/Summary?Year=2022", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("涪陵区2022年生态环境执法现场检查工作总结", html, StringComparison.Ordinal);
        Assert.Contains("下载 Word（可编辑）", html, StringComparison.Ordinal);
        Assert.Contains("下载 PDF", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        // The seeded plan has the nuclear campaign, so its 汇总表 is appended, its target taken from the annex.
        Assert.Contains("应检查84家", html, StringComparison.Ordinal);
        Assert.DoesNotContain("选为典型案例", html, StringComparison.Ordinal); // a viewer is not an editor
        var css = await staff.GetAsync("/Reports/Summary?handler=Css", Ct);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        if (File.Exists(Common.Pdf.ChromiumPdf.DefaultPath))
        {
            var pdf = await staff.GetAsync("/Reports/Summary?handler=Pdf&Year=2022", Ct);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]);
        }
        else Assert.False(EcoEnforceApp.IsCi, "CI=true but Chromium is missing: the summary PDF cannot be skipped in CI.");

        var (liaison, liaisonPassword) = await App.CreateUserAsync(Accounts.Roles.Liaison);
        var refused = await (await SignedInAsync(liaison, liaisonPassword)).GetAsync("/Reports/Summary?Year=2022", Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_typical_case_chosen_on_the_page_is_told_in_the_Word_file()
    {
        var problemId = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var enterprise = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
            var water = await db.Campaigns.Where(c => c.Plan!.Year == 2022 && c.Kind == Campaigns.CampaignKind.Water).Select(c => c.Id).FirstAsync(Ct);
            var opened = await sp.GetRequiredService<OpenProblem.Handler>().HandleAsync(new OpenProblem.Command(ProblemCategory.Water, null,
                "雨污分流不彻底，生产废水混入雨水管网", enterprise, TaskSource.Complaint, null, new DateOnly(2022, 8, 3), null, water, new DateOnly(2022, 9, 3)), Ct);
            Assert.True(opened.Succeeded);
            return opened.Value;
        });
        var client = await SignedInAsync();
        const string page = "/Reports/Summary?Year=2022";
        var tooLong = await client.PostFormAsync("/Reports/Summary?handler=Choose&Year=2022", new() { ["ProblemId"] = $"{problemId}", ["Text"] = new string('字', 2001) }, page);
        Assert.Contains("案例简介不能超过 2000 字", await tooLong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var chosen = await client.PostFormAsync("/Reports/Summary?handler=Choose&Year=2022",
            new() { ["ProblemId"] = $"{problemId}", ["Text"] = "某公司雨污分流不彻底，经群众举报查实，责令限期整改。" }, page);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        var docx = await client.GetAsync("/Reports/Summary?handler=Docx&Year=2022", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("四、典型案例", text, StringComparison.Ordinal);
        Assert.Contains("某公司雨污分流不彻底，经群众举报查实，责令限期整改。", text, StringComparison.Ordinal);

        // A viewer may read the summary but not change its cases.
        var (viewer, password) = await App.CreateUserAsync(Accounts.Roles.Viewer);
        var viewerClient = await SignedInAsync(viewer, password);
        var caseId = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().TypicalCases.Where(c => c.ProblemId == problemId).Select(c => c.Id).FirstAsync(Ct));
        // The summary page shows a viewer no form, so the antiforgery token comes from one that does.
        var removal = await viewerClient.PostFormAsync($"/Reports/Summary?handler=Remove&caseId={caseId}&Year=2022", [], "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, removal.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", removal.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.True(await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().TypicalCases.AnyAsync(c => c.Id == caseId, Ct)));
    }
}
