using System.Net;
using EcoEnforce.Data;
using EcoEnforce.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

public abstract partial class AppTests<TApp>
{
    private static Dictionary<string, string> EntityForm(string code, string name) => new()
    {
        ["Input.Name"] = name, ["Input.CreditCode"] = code, ["Input.Address"] = "重庆市涪陵区敦仁街道人民东路1号",
        ["Input.TownshipId"] = "", ["Input.Park"] = "None", ["Input.Longitude"] = "107.392", ["Input.Latitude"] = "29.708",
        ["Input.IndustryCode"] = "C1371", ["Input.SupervisionClass"] = "Ordinary", ["Input.PermitType"] = "Registration",
    };

    private async Task<Dictionary<string, string>> EntityFormAsync(string name)
    {
        var form = EntityForm(RegistryWorkbook.CreditCode(), name);
        form["Input.TownshipId"] = (await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Departments
            .Where(d => d.Name == "敦仁街道").Select(d => d.Id).SingleAsync(Ct))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form;
    }

    [Fact]
    public async Task An_editor_adds_an_entity_and_the_change_is_audited_with_before_and_after()
    {
        var client = await SignedInAsync();
        var form = await EntityFormAsync("表单新增榨菜有限公司");
        var created = await client.PostFormAsync("/Registry/Edit", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        form["Input.Name"] = "表单改名榨菜有限公司";
        var edited = await client.PostFormAsync($"/Registry/Edit/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var audit = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().AuditEntries
            .Where(a => a.EntityType == nameof(Enterprise) && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).ToListAsync(Ct));
        Assert.Equal(["新增", "修改"], audit.Select(a => a.Action));
        Assert.Contains("表单新增榨菜有限公司", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("表单改名榨菜有限公司", audit[1].After, StringComparison.Ordinal);
        Assert.All(audit, a => Assert.Equal("admin", a.Actor));
    }

    [Fact]
    public async Task The_entity_form_explains_each_mistake_in_chinese_and_saves_nothing()
    {
        var client = await SignedInAsync();
        var before = await EntityCountAsync();
        var form = await EntityFormAsync("错误表单有限公司");
        form["Input.CreditCode"] = "91500102MA5U5X8Y1Z";
        form["Input.IsNuclearTechUser"] = "true";
        var response = await client.PostFormAsync("/Registry/Edit", form);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("统一社会信用代码含非法字符“Z”", html, StringComparison.Ordinal);
        Assert.Contains("核技术利用单位须填写辐射安全许可证编号", html, StringComparison.Ordinal);

        form = await EntityFormAsync("错误表单有限公司");
        form["Input.Longitude"] = "东经107";
        html = await (await client.PostFormAsync("/Registry/Edit", form)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("“东经107”不是有效的", html, StringComparison.Ordinal);
        Assert.Equal(before, await EntityCountAsync());
    }

    [Fact]
    public async Task A_credit_code_already_in_the_registry_cannot_be_added_twice()
    {
        var client = await SignedInAsync();
        var form = await EntityFormAsync("重复甲有限公司");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Registry/Edit", form)).StatusCode);
        form["Input.Name"] = "重复乙有限公司";
        var html = await (await client.PostFormAsync("/Registry/Edit", form)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("该统一社会信用代码已在名录库中", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Positive_list_periods_are_added_checked_for_overlap_and_removed()
    {
        var client = await SignedInAsync();
        var created = await client.PostFormAsync("/Registry/Edit", await EntityFormAsync("正面清单测试有限公司"));
        var url = created.Headers.Location!.OriginalString;
        var added = await client.PostFormAsync($"{url}?handler=AddPositive", new() { ["from"] = "2022-01-01", ["to"] = "2022-12-31", ["reason"] = "守法记录良好" }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var overlap = await client.PostFormAsync($"{url}?handler=AddPositive", new() { ["from"] = "2022-06-01", ["to"] = "2023-05-31", ["reason"] = "再次" }, url);
        Assert.Contains("与已有的正面清单期间重叠", await overlap.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var id = int.Parse(url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var entryId = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().PositiveListEntries.Where(p => p.EnterpriseId == id).Select(p => p.Id).SingleAsync(Ct));
        await client.PostFormAsync($"{url}?handler=RemovePositive", new() { ["entryId"] = entryId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, url);
        Assert.False(await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().PositiveListEntries.AnyAsync(p => p.EnterpriseId == id, Ct)));
    }

    [Fact]
    public async Task An_inspector_can_read_but_not_edit_the_registry()
    {
        var (user, password) = await App.CreateUserAsync(EcoEnforce.Accounts.Roles.Inspector);
        var client = await SignedInAsync(user, password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Registry", Ct)).StatusCode);
        var edit = await client.GetAsync("/Registry/Edit", Ct);
        Assert.StartsWith("/Account/AccessDenied", edit.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_page_lists_inspectors_and_flags_lapsed_certificates()
    {
        var client = await SignedInAsync();
        var html = await client.GetStringAsync("/Organisation", Ct);
        Assert.Matches(@"执法人员（4\d 人，执法证今日有效 \d+ 人）", html); // 40 demo officers, plus any other tests add
        Assert.Contains("执法证过期", html, StringComparison.Ordinal);
        Assert.Contains("区河长办", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_adds_an_inspector_and_a_duplicate_certificate_or_reversed_validity_is_refused()
    {
        var client = await SignedInAsync();
        var department = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Departments
            .Where(d => d.ShortName == "执法支队").Select(d => d.Id).SingleAsync(Ct));
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "测试执法员", ["Input.DepartmentId"] = department.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.CertificateNumber"] = "TEST" + Guid.NewGuid().ToString("N")[..8], ["Input.ValidFrom"] = "2026-01-01",
            ["Input.ValidTo"] = "2028-12-31", ["Input.IsActive"] = "true",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Organisation/Inspector", new(form))).StatusCode);
        var again = await (await client.PostFormAsync("/Organisation/Inspector", new(form))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("该执法证号已登记", again, StringComparison.Ordinal);
        form["Input.CertificateNumber"] += "X";
        form["Input.ValidTo"] = "2025-01-01";
        var reversed = await (await client.PostFormAsync("/Organisation/Inspector", new(form))).Content.ReadAsStringAsync(Ct);
        Assert.Contains("截止日期早于起始日期", reversed, StringComparison.Ordinal);
    }
}
