using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoEnforce.Accounts;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>Beyond the role matrix: what a role may see depends on whose record it is. Liaison officers of two
/// townships, a secret draw, and evidence files.</summary>
public abstract partial class AppTests<TApp>
{
    /// <summary>Two townships with demo problems and complaints, and in the second one a problem, its entity's name and a complaint.</summary>
    private Task<(int UnitA, int UnitB, int ProblemB, string EntityB, int ComplaintB)> TwoUnitsAsync() => App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EcoEnforceDb>();
        var townships = db.Departments.Where(d => d.Kind == DepartmentKind.Township || d.Kind == DepartmentKind.Street).Select(d => d.Id);
        var withBoth = await db.Problems.Where(p => townships.Contains(p.Enterprise!.TownshipId)
                && db.Complaints.Any(c => c.TownshipId == p.Enterprise.TownshipId))
            .Select(p => p.Enterprise!.TownshipId).Distinct().OrderBy(t => t).Take(2).ToListAsync(Ct);
        Assert.True(withBoth.Count == 2, "the demo data should have problems and complaints in two townships");
        var (a, b) = (withBoth[0], withBoth[1]);
        var problem = await db.Problems.Where(p => p.Enterprise!.TownshipId == b).OrderBy(p => p.Id).Select(p => new { p.Id, p.Enterprise!.Name }).FirstAsync(Ct);
        var complaint = await db.Complaints.Where(c => c.TownshipId == b).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        return (a, b, problem.Id, problem.Name, complaint);
    });

    [Fact]
    public async Task A_township_liaison_reads_and_files_only_his_own_units_records_by_page_and_api()
    {
        App.SkipIfUnavailable();
        var (unitA, unitB, problemB, entityB, complaintB) = await TwoUnitsAsync();
        var (userA, passwordA) = await App.CreateUserAsync(Roles.Liaison, unitA);
        var (userB, passwordB) = await App.CreateUserAsync(Roles.Liaison, unitB);
        var (pageA, pageB) = (await SignedInAsync(userA, passwordA), await SignedInAsync(userB, passwordB));
        var (apiA, apiB) = (await ApiAsync(userA, passwordA), await ApiAsync(userB, passwordB));

        // The problem ledger.
        Assert.Equal(HttpStatusCode.OK, (await pageB.GetAsync($"/Ledger/{problemB}", Ct)).StatusCode);
        AssertDenied(await pageA.GetAsync($"/Ledger/{problemB}", Ct));
        Assert.DoesNotContain(entityB, await pageA.GetStringAsync("/Ledger", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await apiA.GetAsync("/api/v1/problems", Ct)).StatusCode);

        // Complaints.
        Assert.Equal(HttpStatusCode.OK, (await apiB.GetAsync($"/api/v1/complaints/{complaintB}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.GetAsync($"/api/v1/complaints/{complaintB}", Ct)).StatusCode);
        var listA = await apiA.GetFromJsonAsync<JsonElement>("/api/v1/complaints", Ct);
        Assert.DoesNotContain(listA.EnumerateArray(), c => c.GetProperty("id").GetInt32() == complaintB);
        Assert.NotEqual(HttpStatusCode.OK, (await pageA.GetAsync($"/Complaints/{complaintB}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pageB.GetAsync($"/Complaints/{complaintB}", Ct)).StatusCode);

        // Monthly reports: read, file.
        var campaign = await App.WithScopeAsync(async sp =>
            (await Reports.ReportingUnits.MonthlyCampaignsAsync(sp.GetRequiredService<EcoEnforceDb>(), null, Ct)).First().Campaign.Id);
        var reportB = $"/api/v1/reports/monthly/{campaign}/units/{unitB}/2022-08";
        Assert.Equal(HttpStatusCode.OK, (await apiB.GetAsync(reportB, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await apiA.GetAsync(reportB, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await apiA.PostAsJsonAsync(reportB + "/submit", new { filedBy = "冒名", phone = "023-72210000" }, Ct)).StatusCode);
        Assert.False(await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().MonthlyReports
            .AnyAsync(r => r.UnitId == unitB && r.FiledBy == "冒名", Ct)));
        var pageReportB = $"/Reports/MonthlyReport?CampaignId={campaign}&UnitId={unitB}&Month=2022-08";
        Assert.Equal(HttpStatusCode.OK, (await pageB.GetAsync(pageReportB, Ct)).StatusCode);
        AssertDenied(await pageA.GetAsync(pageReportB, Ct));

        // The dashboard figures: asking for another unit still gets one's own.
        var figures = await apiA.GetFromJsonAsync<JsonElement>($"/api/v1/reports/figures?unitId={unitB}", Ct);
        Assert.DoesNotContain($"\"unitId\":{unitB}", figures.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_committed_draws_seed_is_shown_to_nobody_and_its_planned_tasks_only_to_leaders_and_the_drawn()
    {
        var data = await MatrixDataAsync(quarter: 3); // data.Draw: committed, not executed
        var (chiefName, chiefPassword) = await App.CreateUserAsync(Roles.SectionChief);
        var chief = await SignedInAsync(chiefName, chiefPassword);
        var seed = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Draws.Where(d => d.Id == data.Draw).Select(d => d.Seed).FirstAsync(Ct));
        var chiefApi = await ApiAsync(chiefName, chiefPassword);

        // Before the draw, not even a leader sees the seed: only its commitment.
        var page = await chief.GetStringAsync($"/Draws/{data.Draw}", Ct);
        Assert.DoesNotContain(seed, page, StringComparison.OrdinalIgnoreCase);
        var dto = await chiefApi.GetFromJsonAsync<JsonElement>($"/api/v1/draws/{data.Draw}", Ct);
        Assert.Equal(JsonValueKind.Null, dto.GetProperty("seed").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await chiefApi.GetAsync($"/api/v1/draws/{data.Draw}/export", Ct)).StatusCode);
        using (var record = await chief.GetAsync($"/Draws/{data.Draw}?handler=Record", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, record.StatusCode);
            var text = string.Concat(Infrastructure.OfficeFiles.XlsxTexts(await record.Content.ReadAsByteArrayAsync(Ct)));
            Assert.DoesNotContain(seed, text, StringComparison.OrdinalIgnoreCase);
        }

        // Officers and viewers are refused the draw and whatever would reveal its result.
        foreach (var role in new[] { Roles.Inspector, Roles.Viewer })
        {
            var (user, password) = await App.CreateUserAsync(role);
            var client = await SignedInAsync(user, password);
            AssertDenied(await client.GetAsync($"/Draws/{data.Draw}", Ct));
            AssertDenied(await client.GetAsync($"/Draws/{data.Draw}?handler=Record", Ct));
            AssertDenied(await client.GetAsync("/Draws/Coverage", Ct));
            Assert.DoesNotContain($"/Draws/{data.Draw}\"", await client.GetStringAsync("/Draws", Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiAsync(user, password)).GetAsync($"/api/v1/draws/{data.Draw}", Ct)).StatusCode);
        }

        // Executed, its planned tasks are secret until done: an officer not drawn sees none of them on his board.
        Assert.Equal(HttpStatusCode.OK, (await chiefApi.PostAsync($"/api/v1/draws/{data.Draw}/execute", null, Ct)).StatusCode);
        var drawn = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().TaskCampaigns.Where(t => t.DrawId == data.Draw)
            .Select(t => t.TaskId).ToListAsync(Ct));
        Assert.NotEmpty(drawn);
        var (officer, officerPassword) = await App.CreateUserAsync(Roles.Inspector);
        var board = await (await ApiAsync(officer, officerPassword)).GetFromJsonAsync<JsonElement>("/api/v1/inspections?mine=false", Ct);
        Assert.DoesNotContain(board.EnumerateArray(), t => drawn.Contains(t.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiAsync(officer, officerPassword)).GetAsync($"/api/v1/inspections/{drawn[0]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chiefApi.GetAsync($"/api/v1/inspections/{drawn[0]}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Evidence_files_download_only_for_leaders_and_the_team_never_for_liaisons_viewers_or_the_public()
    {
        var data = await MatrixDataAsync(quarter: 4); // data.Evidence: on a task of a fresh officer
        var url = $"/evidence/{data.Evidence}";
        foreach (var role in new[] { Roles.Admin, Roles.Leader, Roles.SectionChief })
        {
            var (user, password) = await App.CreateUserAsync(role);
            Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(user, password)).GetAsync(url, Ct)).StatusCode);
        }
        foreach (var role in new[] { Roles.Inspector, Roles.Viewer, Roles.Liaison })
        {
            var (user, password) = await App.CreateUserAsync(role);
            Assert.NotEqual(HttpStatusCode.OK, (await (await SignedInAsync(user, password)).GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiAsync(user, password)).GetAsync(url, Ct)).StatusCode);
        }
        var anonymous = await App.Anonymous().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // Nothing on the public site links to or serves evidence.
        foreach (var page in new[] { "/public", "/public/results", "/public/penalties", "/public/data/results.json", "/public/feed.atom" })
            Assert.DoesNotContain("/evidence/", await App.Anonymous().GetStringAsync(page, Ct), StringComparison.Ordinal);
    }
}
