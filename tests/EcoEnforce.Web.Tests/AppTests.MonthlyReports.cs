using System.Net;
using System.Net.Http.Json;
using EcoEnforce.Common.Excel;
using EcoEnforce.Data;
using EcoEnforce.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>附表2 through the browser's forms: a township's liaison files, submits and corrects; the bureau returns and
/// approves; the workbook is valid, opens in LibreOffice and carries the figures the board shows.</summary>
public abstract partial class AppTests<TApp>
{
    private async Task<(int Unit, int Other, int Campaign)> LiduAsync() => await App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EcoEnforceDb>();
        var lidu = await db.Departments.Where(d => d.Name == "李渡街道").Select(d => d.Id).FirstAsync(Ct);
        var other = await db.Departments.Where(d => d.Name == "龙桥街道").Select(d => d.Id).FirstAsync(Ct);
        var water = (await ReportingUnits.MonthlyCampaignsAsync(db, 2022, Ct))[0].Campaign.Id;
        return (lidu, other, water);
    });

    [Fact]
    public async Task A_township_liaison_files_and_submits_august_the_bureau_returns_it_and_approves_the_correction()
    {
        var (lidu, other, water) = await LiduAsync();
        var (user, password) = await App.CreateUserAsync(Accounts.Roles.Liaison, lidu);
        var liaison = await SignedInAsync(user, password);
        var page = $"/Reports/MonthlyReport?CampaignId={water}&UnitId={lidu}&Month=2022-08";
        var html = await liaison.GetStringAsync(page, Ct);
        Assert.Contains("涪陵区2022年水污染防治专项执法现场检查工作情况报表", html, StringComparison.Ordinal);
        Assert.Contains("逾期未报送", html, StringComparison.Ordinal); // today is years after 25 August 2022
        AssertDenied(await liaison.GetAsync($"/Reports/MonthlyReport?CampaignId={water}&UnitId={other}&Month=2022-08", Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.GetAsync("/Reports/Monthly", Ct)).StatusCode);

        var form = new Dictionary<string, string> { ["CampaignId"] = $"{water}", ["UnitId"] = $"{lidu}", ["Month"] = "2022-08" };
        var missing = await liaison.PostFormAsync(page + "&handler=Submit", new(form), page);
        Assert.Contains("报送前请填写填报人", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var submitted = await liaison.PostFormAsync(page + "&handler=Submit", new(form) { ["FiledBy"] = "王联络", ["Phone"] = "023-72210000" }, page);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        AssertDenied(await liaison.PostFormAsync(page + "&handler=Approve", new(form), "/Reports/Roster")); // a page with a form, for the token

        var (chiefName, chiefPassword) = await App.CreateUserAsync(Accounts.Roles.SectionChief);
        var chief = await SignedInAsync(chiefName, chiefPassword);
        var board = await chief.GetStringAsync($"/Reports/Monthly?CampaignId={water}&Month=2022-08", Ct);
        Assert.Contains("已报送，待审核", board, StringComparison.Ordinal);
        Assert.Contains("逾期未报送", board, StringComparison.Ordinal);
        var noReason = await chief.PostFormAsync(page + "&handler=Return", new(form), page);
        Assert.Contains("退回时请写明退回原因", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(page + "&handler=Return", new(form) { ["ReviewComment"] = "完成次数与台账不符" }, page)).StatusCode);

        Assert.Contains("完成次数与台账不符", await liaison.GetStringAsync(page, Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.PostFormAsync(page + "&handler=Submit", new(form) { ["FiledBy"] = "王联络", ["Phone"] = "023-72210000" }, page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await chief.PostFormAsync(page + "&handler=Approve", new(form), page)).StatusCode);

        var reports = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().MonthlyReports.AsNoTracking()
            .Where(r => r.UnitId == lidu && r.Year == 2022 && r.Month == 8).OrderBy(r => r.Revision).ToListAsync(Ct));
        Assert.Equal([MonthlyReportStatus.Returned, MonthlyReportStatus.Approved], reports.Select(r => r.Status));
        var audited = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().AuditEntries
            .CountAsync(a => a.EntityType == nameof(MonthlyReport) && a.EntityKey == reports[1].Id.ToString(), Ct));
        Assert.True(audited >= 3); // created, submitted, approved

        var export = await liaison.GetAsync(page + $"&handler=Export&reportId={reports[1].Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        OfficeFiles.AssertValidXlsx(bytes);
        var snapshot = MonthlySnapshot.FromJson(reports[1].SnapshotJson!);
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(bytes));
        var thisMonth = rows.Single(r => r.Cells.GetValueOrDefault(0) == "本月").Cells;
        Assert.Equal([$"{snapshot.ThisMonth.Planned}", $"{snapshot.ThisMonth.Done}", $"{snapshot.ThisMonth.ProblemsFound}", $"{snapshot.ThisMonth.Rectified}"],
            new[] { 2, 3, 5, 10 }.Select(c => thisMonth.GetValueOrDefault(c, "")));
        Assert.Contains(rows, r => r.Cells.Values.Contains("填报人：王联络"));
        var pdf = await OfficeFiles.PdfTextViaLibreOfficeAsync(bytes, ".xlsx");
        Assert.Contains("现场检查工作情况报表", pdf, StringComparison.Ordinal);
        Assert.Contains("填报单位：李渡街道", pdf, StringComparison.Ordinal);
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_district_roll_up_sums_every_units_figures_and_exports_the_whole_ledger_in_the_form()
    {
        var (_, _, water) = await LiduAsync();
        var (leaderName, leaderPassword) = await App.CreateUserAsync(Accounts.Roles.Leader);
        var chief = await SignedInAsync(leaderName, leaderPassword);
        var district = await App.WithScopeAsync(sp => MonthlyForm.ComputeAsync(sp.GetRequiredService<EcoEnforceDb>(), TimeProvider.System, water, null, 2022, 9, Ct));
        Assert.True(district.Total.Done > 0, "the demo data set has inspections in 2022");
        var html = await chief.GetStringAsync($"/Reports/Monthly?CampaignId={water}&Month=2022-09", Ct);
        var sum = System.Text.RegularExpressions.Regex.Match(html, "<tr id=\"sum\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var numbers = System.Text.RegularExpressions.Regex.Matches(sum, "class=\"num\">(\\d+)<").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([district.ThisMonth.Planned, district.ThisMonth.Done, district.ThisMonth.ProblemsFound, district.ThisMonth.Rectified,
            district.Total.Planned, district.Total.Done, district.Total.ProblemsFound, district.Total.Rectified], numbers);

        var export = await chief.GetAsync($"/Reports/Monthly?handler=Export&CampaignId={water}&Month=2022-09", Ct);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        OfficeFiles.AssertValidXlsx(bytes);
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(bytes));
        Assert.Contains(rows, r => r.Cells.Values.Contains($"填报单位：{MonthlyForm.DistrictName}"));
        var header = rows.Single(r => r.Cells.GetValueOrDefault(0) == "序号").RowNumber;
        Assert.Equal(district.Rows.Count, rows.Count(r => r.RowNumber > header && int.TryParse(r.Cells.GetValueOrDefault(0), out _)));
    }

    [Fact]
    public async Task Over_the_api_a_unit_submits_its_own_report_only_and_the_bureau_reads_the_board_and_approves()
    {
        var (_, _, water) = await LiduAsync();
        var baitao = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Departments.Where(d => d.Name == "白涛街道").Select(d => d.Id).FirstAsync(Ct));
        var (user, password) = await App.CreateUserAsync(Accounts.Roles.Liaison, baitao);
        var liaison = await ApiAsync(user, password);
        var own = $"/api/v1/reports/monthly/{water}/units/{baitao}/2022-10";
        var refused = await liaison.PostAsJsonAsync($"/api/v1/reports/monthly/{water}/units/{baitao + 1}/2022-10/submit", new { filedBy = "周", phone = "023-72210000" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var incomplete = await liaison.PostAsJsonAsync(own + "/submit", new { filedBy = "周" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("报送前请填写联系电话", await incomplete.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var submitted = await liaison.PostAsJsonAsync(own + "/submit", new { filedBy = "周", phone = "023-72210000" }, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"/api/v1/reports/monthly?campaignId={water}&month=2022-10", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync($"/api/v1/reports/monthly/{id}/approve", new { }, Ct)).StatusCode);

        var (chiefName, chiefPassword) = await App.CreateUserAsync(Accounts.Roles.SectionChief);
        var chief = await ApiAsync(chiefName, chiefPassword);
        var bad = await chief.GetAsync($"/api/v1/reports/monthly?campaignId={water}&month=2022-13", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("月份应为", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var board = await chief.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/reports/monthly?campaignId={water}&month=2022-10", Ct);
        var line = board.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetInt32() == baitao);
        Assert.Equal("Submitted", line.GetProperty("status").GetString());
        Assert.False(line.GetProperty("onTime").GetBoolean()); // submitted years after 25 October 2022
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"/api/v1/reports/monthly/{id}/approve", new { comment = "同意" }, Ct)).StatusCode);
        var unit = await liaison.GetFromJsonAsync<System.Text.Json.JsonElement>(own, Ct);
        Assert.True(unit.GetProperty("frozen").GetBoolean());
        Assert.Equal("Approved", unit.GetProperty("revisions")[0].GetProperty("status").GetString());
        Assert.Equal("白涛街道", unit.GetProperty("form").GetProperty("unitName").GetString());
    }
}
