using System.Net;
using System.Net.Http.Headers;
using EcoEnforce.Accounts;
using EcoEnforce.Common.Excel;
using EcoEnforce.Data;
using EcoEnforce.Registry;
using EcoEnforce.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

public abstract partial class AppTests<TApp>
{
    private async Task<(HttpResponseMessage Response, string Html)> UploadAsync(HttpClient client, byte[] file, string fileName = "名录.xlsx")
    {
        var token = await client.AntiforgeryTokenAsync("/Registry/Import");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(UploadLimitsContentType);
        form.Add(content, "File", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync("/Registry/Import", form, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private const string UploadLimitsContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Task<int> EntityCountAsync() =>
        App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Enterprises.CountAsync(Ct));

    [Fact]
    public async Task Import_writes_nothing_when_any_row_fails_and_lists_every_error_by_row_and_column()
    {
        var client = await SignedInAsync();
        var before = await EntityCountAsync();
        var bad = RegistryWorkbook.ValidRow();
        bad[RegistryColumns.CreditCode] = "91500102MA5U5X8Y1X";
        bad[RegistryColumns.Township] = "不存在镇";
        var file = RegistryWorkbook.Build([RegistryWorkbook.ValidRow(), RegistryWorkbook.ValidRow(), bad]);

        var (response, html) = await UploadAsync(client, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("导入失败，未写入任何数据", html, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>统一社会信用代码</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>所属乡镇街道</td>", html, StringComparison.Ordinal);
        Assert.Equal(before, await EntityCountAsync());
    }

    [Fact]
    public async Task A_valid_file_is_imported_and_a_second_import_updates_by_credit_code()
    {
        var client = await SignedInAsync();
        var before = await EntityCountAsync();
        var rows = new[] { RegistryWorkbook.ValidRow(), RegistryWorkbook.ValidRow() };
        var (_, html) = await UploadAsync(client, RegistryWorkbook.Build(rows));
        Assert.Contains("导入成功：新增 2 个，更新 0 个", html, StringComparison.Ordinal);
        Assert.Equal(before + 2, await EntityCountAsync());

        rows[0][RegistryColumns.Name] = "改名后的有限公司" + Guid.NewGuid().ToString("N")[..6];
        (_, html) = await UploadAsync(client, RegistryWorkbook.Build([rows[0]]));
        Assert.Contains("新增 0 个，更新 1 个", html, StringComparison.Ordinal);
        var renamed = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Enterprises
            .SingleAsync(e => e.CreditCode == rows[0][RegistryColumns.CreditCode], Ct));
        Assert.Equal(rows[0][RegistryColumns.Name], renamed.Name);
    }

    [Fact]
    public async Task Duplicate_credit_codes_within_a_file_are_refused()
    {
        var client = await SignedInAsync();
        var first = RegistryWorkbook.ValidRow();
        var second = RegistryWorkbook.ValidRow();
        second[RegistryColumns.CreditCode] = first[RegistryColumns.CreditCode];
        var (_, html) = await UploadAsync(client, RegistryWorkbook.Build([first, second]));
        Assert.Contains("与第2行重复", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_columns_are_named()
    {
        var client = await SignedInAsync();
        var columns = RegistryColumns.All.Where(c => c != RegistryColumns.CreditCode && c != RegistryColumns.Latitude).ToList();
        var (_, html) = await UploadAsync(client, RegistryWorkbook.Build([RegistryWorkbook.ValidRow()], columns));
        Assert.Contains("<td>统一社会信用代码</td><td>缺少此列", html, StringComparison.Ordinal);
        Assert.Contains("<td>纬度</td><td>缺少此列", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("这不是Excel文件")]
    [InlineData("PK\u0003\u0004 truncated zip")]
    public async Task Files_that_are_not_workbooks_get_a_clear_chinese_error(string content)
    {
        var client = await SignedInAsync();
        var before = await EntityCountAsync();
        var (response, html) = await UploadAsync(client, System.Text.Encoding.UTF8.GetBytes(content), "名录.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件不是有效的 Excel 工作簿", html, StringComparison.Ordinal);
        Assert.Equal(before, await EntityCountAsync());
    }

    [Fact]
    public async Task An_oversize_upload_is_refused_without_writing()
    {
        var client = await SignedInAsync();
        var before = await EntityCountAsync();
        var (response, html) = await UploadAsync(client, new byte[11 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件过大", html, StringComparison.Ordinal);
        Assert.Equal(before, await EntityCountAsync());
    }

    [Fact]
    public async Task An_import_without_the_antiforgery_token_is_refused()
    {
        var client = await SignedInAsync();
        var before = await EntityCountAsync();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(RegistryWorkbook.Build([RegistryWorkbook.ValidRow()])), "File", "名录.xlsx");
        var response = await client.PostAsync("/Registry/Import", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await EntityCountAsync());
    }

    [Fact]
    public async Task A_read_only_user_cannot_import()
    {
        var (user, password) = await App.CreateUserAsync(Roles.Viewer);
        var client = await SignedInAsync(user, password);
        var response = await client.GetAsync("/Registry/Import", Ct);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_reads_back_as_an_import_file_with_every_filtered_row()
    {
        var client = await SignedInAsync();
        var bytes = await client.GetByteArrayAsync("/Registry/Export?Flag=automonitoring", Ct);
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(bytes));
        Assert.Equal(RegistryColumns.All.Length, rows[0].Cells.Count);
        Assert.Equal(52, rows.Count - 1);

        var template = await client.GetByteArrayAsync("/Registry/Import?handler=Template", Ct);
        Assert.Single(XlsxReader.ReadFirstSheet(new MemoryStream(template)));
    }

    [Fact]
    public async Task The_registry_page_filters_and_pages()
    {
        var client = await SignedInAsync();
        var html = await client.GetStringAsync("/Registry?Flag=nuclear", Ct);
        Assert.Contains("共 84 个检查对象，第 1 / 2 页", html, StringComparison.Ordinal);
        var second = await client.GetStringAsync("/Registry?Flag=nuclear&pg=2", Ct);
        Assert.Contains("第 2 / 2 页", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_automatic_monitoring_key_unit_shows_its_outlets_on_its_page()
    {
        var client = await SignedInAsync();
        var point = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().MonitoringPoints.FirstAsync(Ct));
        var html = await client.GetStringAsync($"/Registry/{point.EnterpriseId}", Ct);
        Assert.Contains("自动监控排口", html, StringComparison.Ordinal);
        Assert.Contains(point.Mn, html, StringComparison.Ordinal);
    }
}
