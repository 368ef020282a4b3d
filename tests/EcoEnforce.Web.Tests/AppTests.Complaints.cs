using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EcoEnforce.Common.Excel;
using EcoEnforce.Complaints;
using EcoEnforce.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>Complaints through HTTP on both databases: imports of a real-looking 12345 export, garbled and bad files,
/// liaison scoping and personal data, hot spot → tasks. Each test uses its own month and 工单号 because the class shares
/// one database (with the 2022 demo complaints in it).</summary>
public abstract partial class AppTests<TApp>
{
    static AppTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private sealed record Spot(int Id, string Name, string Address, double Latitude, double Longitude, int TownshipId);

    private Task<Spot> EntityAsync(int skip) => App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Enterprises.OrderBy(e => e.Id).Skip(skip)
        .Select(e => new Spot(e.Id, e.Name, e.Address, e.Latitude, e.Longitude, e.TownshipId)).FirstAsync(Ct));

    private async Task<(HttpResponseMessage Response, string Body)> UploadComplaintsAsync(HttpClient client, byte[] file, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync("/Complaints/Import");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : UploadLimitsContentType);
        form.Add(content, "File", fileName);
        form.Add(new StringContent("Hotline12345"), "Channel");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync("/Complaints/Import", form, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private static byte[] Workbook(string[] header, params string[][] rows)
    {
        var sheet = new XlsxSheet("工单");
        sheet.Row([.. header.Select(h => new XlsxCell(h, CellStyle.Header))]);
        foreach (var row in rows) sheet.Row([.. row.Select(v => new XlsxCell(v))]);
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheet);
        return stream.ToArray();
    }

    /// <summary>The part of a page worth reading when an assertion on it fails.</summary>
    private static string Snippet(string html, string marker)
    {
        var i = html.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? html[..Math.Min(html.Length, 3000)] : html[i..Math.Min(html.Length, i + 3000)];
    }

    private static string Inv(double v) => v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<Complaint>> ComplaintsAsync(params string[] numbers) => App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Complaints
        .AsNoTracking().Where(c => c.ExternalNumber != null && numbers.Contains(c.ExternalNumber)).OrderBy(c => c.ReceivedAtUtc).ToListAsync(Ct));

    [Fact]
    public async Task A_12345_xlsx_export_is_imported_matched_merged_and_flagged()
    {
        var site = await EntityAsync(380);
        var shop = await EntityAsync(390);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] header = ["工单编号", "来电时间", "反映内容", "事发地址", "经度", "纬度", "来电人", "联系电话"];
        var file = Workbook(header,
            [$"X{tag}1", "2025-03-10 23:10", "工地夜间施工，机器轰鸣扰民", "", Inv(site.Longitude), Inv(site.Latitude), "张三丰", "13812345678"],
            [$"X{tag}2", "2025-03-11 00:40", "工地半夜施工，机器轰鸣", "", Inv(site.Longitude + 0.0003), Inv(site.Latitude), "李四", "13900001111"],
            [$"X{tag}3", "2022-06-13 10:00", "考点旁边餐馆油烟很大", "白涛中学旁", "107.5142", "29.5595", "", ""],
            [$"X{tag}4", "2025-03-20 09:00", "这家企业排放的废水发黑", shop.Address.Replace("重庆市涪陵区", "", StringComparison.Ordinal) + "附近", "", "", "", ""]);

        var (response, html) = await UploadComplaintsAsync(await SignedInAsync(), file, "12345工单.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("导入成功：新增 4 件", html, StringComparison.Ordinal);
        var rows = await ComplaintsAsync($"X{tag}1", $"X{tag}2", $"X{tag}3", $"X{tag}4");
        var (first, repeat, exam, water) = (rows.Single(r => r.ExternalNumber == $"X{tag}1"), rows.Single(r => r.ExternalNumber == $"X{tag}2"),
            rows.Single(r => r.ExternalNumber == $"X{tag}3"), rows.Single(r => r.ExternalNumber == $"X{tag}4"));
        Assert.Equal(site.Id, first.EnterpriseId);
        Assert.Equal(MatchMethod.Coordinates, first.MatchMethod);
        Assert.Equal(MatchStatus.Auto, first.MatchStatus);
        Assert.True(first.IsNight);
        Assert.Equal(ComplaintCategory.Noise, first.SuggestedCategory);
        Assert.Equal(new DateTime(2025, 3, 10, 15, 10, 0, DateTimeKind.Utc), first.ReceivedAtUtc);
        Assert.Equal(first.Id, repeat.DuplicateOfId);
        Assert.Equal(ComplaintStatus.Merged, repeat.Status);
        Assert.True(exam.IsUrgent);
        Assert.Contains("白涛中学考点", exam.UrgentReason, StringComparison.Ordinal);
        Assert.Equal(shop.Id, water.EnterpriseId);
        Assert.Equal(MatchMethod.Address, water.MatchMethod);
        Assert.Equal(ComplaintCategory.Water, water.SuggestedCategory);

        // Imported again: nothing new, nothing doubled.
        var (_, again) = await UploadComplaintsAsync(await SignedInAsync(), file, "12345工单.xlsx");
        Assert.Contains("新增 0 件", again, StringComparison.Ordinal);
        Assert.Contains("已存在跳过 4 件", again, StringComparison.Ordinal);
        Assert.True(await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().AuditEntries.AnyAsync(a => a.EntityType == nameof(Complaint), Ct)));
    }

    [Fact]
    public async Task A_GBK_csv_export_is_imported_without_mojibake_through_the_api()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = $"工单号,受理时间,诉求内容,地址,诉求人,联系电话\r\nG{tag},2025/4/2 7:30,\"路边餐馆油烟直排，楼上住户受影响\",涪陵区荔枝街道兴华中路{tag}号,王五,13700002222\r\n";
        var api = await ApiAsync();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.GetEncoding("GBK").GetBytes(csv)), "file", "export-gbk.csv");
        var response = await api.PostAsync("/api/v1/complaints/import", form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var list = await api.GetStringAsync("/api/v1/complaints?from=2025-04-02&to=2025-04-02", Ct);
        using var json = JsonDocument.Parse(list);
        var item = json.RootElement.EnumerateArray().Single(e => e.GetProperty("externalNumber").GetString() == $"G{tag}");
        Assert.Equal("路边餐馆油烟直排，楼上住户受影响", item.GetProperty("text").GetString());
        Assert.Equal("Air", item.GetProperty("suggestedCategory").GetString());
        Assert.Equal("荔枝街道", item.GetProperty("township").GetString());
        Assert.Equal("王某", item.GetProperty("complainantName").GetString());
        Assert.Equal("137****2222", item.GetProperty("complainantPhone").GetString());
    }

    [Fact]
    public async Task A_bad_complaint_file_imports_nothing_and_lists_the_row_errors()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("工单编号,受理时间,诉求内容,事发地址,经度,纬度\n")
            .Append($"B{tag}1,2025-05-02 10:00,工地扬尘,崇义街道太白大道18号,107.383,29.716\n")
            .Append($"B{tag}2,2025-05-02 11:00,工地扬尘,崇义街道太白大道18号,29.716,107.383\n")
            .Append($"B{tag}3,2025-05-02 12:00,工地扬尘,,106.55,29.56\n")
            .Append($"B{tag}4,昨天晚上,工地扬尘,崇义街道太白大道18号,,\n")
            .Append($"B{tag}1,2025-05-02 13:00,工地扬尘,崇义街道太白大道18号,,\n").ToString();
        var client = await SignedInAsync();

        var (_, html) = await UploadComplaintsAsync(client, Encoding.UTF8.GetBytes(csv), "bad.csv");

        Assert.Contains("导入失败，未写入任何数据", html, StringComparison.Ordinal);
        Assert.Contains("经纬度可能填反", html, StringComparison.Ordinal);
        Assert.Contains("不在涪陵区范围内", html, StringComparison.Ordinal);
        Assert.Contains("“昨天晚上”不是有效的时间", html, StringComparison.Ordinal);
        Assert.Contains("与第2行重复", html, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", html, StringComparison.Ordinal);
        Assert.Empty(await ComplaintsAsync($"B{tag}1", $"B{tag}2", $"B{tag}3", $"B{tag}4"));

        var (_, missing) = await UploadComplaintsAsync(client, Encoding.UTF8.GetBytes("工单编号,受理时间,地址\nM1,2025-05-02 10:00,某地\n"), "missing.csv");
        Assert.Contains("诉求内容", missing, StringComparison.Ordinal);
        Assert.Contains("缺少此列", missing, StringComparison.Ordinal);

        // A GBK file that was opened as Latin-1 and saved again as UTF-8: its headers are mojibake, so it says so.
        var garbled = Encoding.Latin1.GetString(Encoding.GetEncoding("GBK").GetBytes("工单编号,受理时间,诉求内容\nM2,2025-05-02 10:00,噪声\n"));
        var (_, mojibake) = await UploadComplaintsAsync(client, Encoding.UTF8.GetBytes(garbled), "garbled.csv");
        Assert.Contains("乱码", mojibake, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_liaison_sees_only_his_townships_complaints_and_no_personal_data()
    {
        var (own, other) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var towns = await db.Departments.Where(d => d.Name == "义和镇" || d.Name == "同乐镇").ToDictionaryAsync(d => d.Name, d => d.Id, Ct);
            var record = sp.GetRequiredService<RecordComplaint.Handler>();
            var a = await record.HandleAsync(new RecordComplaint.Command(ComplaintChannel.Letter, null, new DateTime(2025, 6, 3, 10, 0, 0),
                "义和镇某厂废水直排（联络员测试）", "涪陵区义和镇测试路1号", null, null, "赵六", "13600003333"), Ct);
            var b = await record.HandleAsync(new RecordComplaint.Command(ComplaintChannel.Visit, null, new DateTime(2025, 6, 3, 11, 0, 0),
                "同乐镇某厂粉尘扰民（联络员测试）", "涪陵区同乐镇测试路2号", null, null, "钱七", "13500004444"), Ct);
            Assert.True(a.Succeeded && b.Succeeded);
            return ((Id: a.Value, Township: towns["义和镇"]), (Id: b.Value, Township: towns["同乐镇"]));
        });
        var (user, password) = await App.CreateUserAsync(Accounts.Roles.Liaison, own.Township);
        var liaison = await SignedInAsync(user, password);

        var list = await liaison.GetStringAsync("/Complaints", Ct);
        Assert.Contains("义和镇某厂废水直排", list, StringComparison.Ordinal);
        Assert.DoesNotContain("同乐镇某厂粉尘扰民", list, StringComparison.Ordinal);
        Assert.DoesNotContain("投诉人", list, StringComparison.Ordinal);
        Assert.DoesNotContain("3333", list, StringComparison.Ordinal);
        var ownResponse = await liaison.GetAsync($"/Complaints/{own.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        var item = await ownResponse.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("赵", item, StringComparison.Ordinal);
        Assert.DoesNotContain("13600003333", item, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/Complaints/{other.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await liaison.GetAsync("/Complaints/Import", Ct)).StatusCode); // to access denied

        var api = App.Anonymous().WithBearer(await App.Anonymous().TokenAsync(user, password));
        var json = await api.GetStringAsync("/api/v1/complaints?from=2025-06-03&to=2025-06-03", Ct);
        Assert.Contains("义和镇某厂废水直排", json, StringComparison.Ordinal);
        Assert.DoesNotContain("同乐镇", json, StringComparison.Ordinal);
        Assert.DoesNotContain("13600003333", json, StringComparison.Ordinal);
        Assert.DoesNotContain("赵", json, StringComparison.Ordinal);

        var staff = await (await SignedInAsync()).GetStringAsync($"/Complaints/{own.Id}", Ct);
        Assert.Contains("13600003333", staff, StringComparison.Ordinal);
        var staffList = await (await SignedInAsync()).GetStringAsync("/Complaints?Q=联络员测试&Category=Water&Status=Open", Ct);
        Assert.Contains("136****3333", staffList, StringComparison.Ordinal);
        Assert.DoesNotContain("13600003333", staffList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hot_spot_becomes_complaint_tasks_for_its_entity_with_the_work_order_numbers()
    {
        var site = await EntityAsync(400);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("工单编号,受理时间,诉求内容,经度,纬度\n");
        foreach (var day in new[] { 4, 6, 8, 10 })
            csv.Append(FormattableString.Invariant($"H{tag}{day},2025-08-{day:D2} 23:00,夜间施工噪声扰民 第{day}天,{site.Longitude},{site.Latitude}\n"));
        var client = await SignedInAsync();
        var (_, imported) = await UploadComplaintsAsync(client, Encoding.UTF8.GetBytes(csv.ToString()), "hot.csv");
        Assert.Contains("导入成功：新增 4 件", imported, StringComparison.Ordinal);

        var spots = await (await ApiAsync()).GetStringAsync("/api/v1/complaints/hotspots?from=2025-08-01&to=2025-08-31", Ct);
        using var json = JsonDocument.Parse(spots);
        var spot = json.RootElement.EnumerateArray().Single(s => s.GetProperty("enterpriseIds").EnumerateArray().Any(e => e.GetInt32() == site.Id));
        var ids = spot.GetProperty("complaintIds").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(1.0, spot.GetProperty("nightShare").GetDouble());

        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (campaign, officers, today) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var today = Common.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var team = await db.Inspectors.Where(i => i.IsActive && i.CertificateValidFrom <= today && i.CertificateValidTo >= today)
                .OrderByDescending(i => i.Id).Take(2).Select(i => i.Id).ToListAsync(Ct);
            return (await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct), team, today);
        });
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Year", "2025"), new("CampaignId", $"{campaign}"), new("WindowStart", Day(today)), new("WindowEnd", Day(today.AddDays(7))),
            new("__RequestVerificationToken", await client.AntiforgeryTokenAsync("/Complaints/HotSpots?Year=2025")),
        };
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("ComplaintIds", $"{id}")));
        fields.AddRange(officers.Select(id => new KeyValuePair<string, string>("InspectorIds", $"{id}")));
        var response = await client.PostAsync("/Complaints/HotSpots?handler=Tasks", new FormUrlEncodedContent(fields), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(html.Contains("已生成 1 个检查任务", StringComparison.Ordinal), Snippet(html, "tasks-result"));

        var rows = await ComplaintsAsync([.. new[] { 4, 6, 8, 10 }.Select(d => $"H{tag}{d}")]);
        var taskId = Assert.Single(rows.Select(r => r.TaskId).Distinct());
        Assert.All(rows, r => Assert.Equal(ComplaintStatus.TaskCreated, r.Status));
        var task = await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().InspectionTasks.AsNoTracking().FirstAsync(t => t.Id == taskId, Ct));
        Assert.Equal(Inspections.TaskSource.Complaint, task.Source);
        Assert.Equal(site.Id, task.EnterpriseId);
        Assert.Contains($"H{tag}4、H{tag}6、H{tag}8、H{tag}10", task.SourceNote, StringComparison.Ordinal);

        // Once tasked, the same hot spot cannot be tasked twice.
        var again = await client.PostAsync("/Complaints/HotSpots?handler=Tasks", new FormUrlEncodedContent(fields), Ct);
        Assert.Contains("已生成过检查任务", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_year_shows_ranked_hot_spots_urgent_exam_complaints_and_night_work_by_site()
    {
        var client = await SignedInAsync();
        var page = await client.GetStringAsync("/Complaints/HotSpots?Year=2022", Ct);
        Assert.Contains("热点 1：", page, StringComparison.Ordinal);
        Assert.True(page.Contains("热点 3：", StringComparison.Ordinal), Snippet(page, "<h1>"));
        Assert.Contains("id=\"night-work\"", page, StringComparison.Ordinal);
        var urgent = await client.GetStringAsync("/Complaints?Urgent=true", Ct);
        Assert.Contains("考点紧急", urgent, StringComparison.Ordinal);
        Assert.Contains("/Complaints\">投诉举报</a>", await client.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_is_recorded_through_the_form_and_one_without_a_place_is_refused()
    {
        var client = await SignedInAsync();
        var refused = await client.PostFormAsync("/Complaints/New", new()
        {
            ["Channel"] = "Letter", ["ReceivedAt"] = "2025-09-01T10:00", ["Text"] = "来信反映有人焚烧垃圾（表单测试）",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("事发地址和经纬度至少填写一项", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var recorded = await client.PostFormAsync("/Complaints/New", new()
        {
            ["Channel"] = "Letter", ["ReceivedAt"] = "2025-09-01T23:30", ["Text"] = "来信反映有人夜间焚烧垃圾，烟雾很大（表单测试）",
            ["Address"] = "涪陵区马武镇场镇", ["ComplainantName"] = "孙八", ["ComplainantPhone"] = "13400005555",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var page = await client.GetStringAsync(recorded.Headers.Location!.OriginalString, Ct);
        Assert.Contains("来信", page, StringComparison.Ordinal);
        Assert.Contains("夜间（22:00–06:00）", page, StringComparison.Ordinal);
        Assert.Contains("马武镇", page, StringComparison.Ordinal);
        Assert.Contains("13400005555", page, StringComparison.Ordinal);
    }
}
