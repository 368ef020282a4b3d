using System.Net;
using EcoEnforce.Common.Excel;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>附表1: a township's liaison officer fills in his own unit only, and the export is the form with his lines.</summary>
public abstract partial class AppTests<TApp>
{
    [Fact]
    public async Task A_liaison_fills_his_units_roster_cannot_touch_another_and_exports_the_form()
    {
        var (own, other) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var townships = await db.Departments.Where(d => d.Kind == Organisation.DepartmentKind.Township).OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync(Ct);
            return (townships[0], townships[1]);
        });
        var (user, password) = await App.CreateUserAsync(Accounts.Roles.Liaison, own);
        var client = await SignedInAsync(user, password);
        const string page = "/Reports/Roster?Year=2022";
        var added = await client.PostFormAsync(page, new() { ["Year"] = "2022", ["DepartmentId"] = $"{own}", ["Role"] = "Liaison", ["Name"] = "王联络", ["Post"] = "办公室主任", ["Phone"] = "023-72210000" }, page);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var refused = await client.PostFormAsync(page, new() { ["Year"] = "2022", ["DepartmentId"] = $"{other}", ["Role"] = "Leader", ["Name"] = "李越权", ["Post"] = "镇长", ["Phone"] = "023-72210001" }, page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var badPhone = await client.PostFormAsync(page, new() { ["Year"] = "2022", ["DepartmentId"] = $"{own}", ["Role"] = "Leader", ["Name"] = "赵", ["Post"] = "副镇长", ["Phone"] = "打电话" }, page);
        Assert.Contains("联系电话格式不正确", await badPhone.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var export = await client.GetAsync("/Reports/Roster?handler=Export&Year=2022", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = XlsxReader.ReadFirstSheet(await export.Content.ReadAsStreamAsync(Ct));
        Assert.Contains(rows, r => r.Cells.Values.Contains("单位分管负责人和联络员名单"));
        var line = rows.Single(r => r.Cells.Values.Contains("王联络")).Cells;
        Assert.Contains("办公室主任（联络员）", line.Values);
        Assert.DoesNotContain(rows, r => r.Cells.Values.Contains("李越权"));
    }
}
