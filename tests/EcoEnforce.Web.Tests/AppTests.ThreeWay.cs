using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests;

/// <summary>三方比对: a platform export uploaded on the outlet page is compared with the instrument's stored hour data,
/// and the hours where they disagree become a three-way-mismatch lead; a bad file stores nothing.</summary>
public abstract partial class AppTests<TApp>
{
    private const string ThreeWayMn = "88888889990002";
    // 2031-06-01 00:00 Beijing time.
    private static readonly DateTime ThreeWayDay = new(2031, 5, 31, 16, 0, 0, DateTimeKind.Utc);

    private async Task<HttpResponseMessage> UploadComparisonAsync(HttpClient client, int point, string csv)
    {
        var token = await client.AntiforgeryTokenAsync($"/Monitoring/Point/{point}");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "平台导出.csv");
        form.Add(new StringContent("Platform"), "source");
        form.Add(new StringContent("Hour"), "importKind");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync($"/Monitoring/Point/{point}/Compare", form, Ct);
    }

    [Fact]
    public async Task A_platform_export_that_disagrees_with_the_instruments_hours_becomes_a_three_way_lead_and_a_bad_one_stores_nothing()
    {
        var point = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<EcoEnforceDb>();
            var enterprise = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).Skip(1).FirstAsync(Ct);
            var p = new MonitoringPoint { EnterpriseId = enterprise, Mn = ThreeWayMn, Name = "三方比对测试排口", Medium = MonitoringMedium.Air };
            db.MonitoringPoints.Add(p);
            for (var h = 0; h < 24; h++)
                db.Readings.Add(new Reading { Mn = ThreeWayMn, Kind = ReadingKind.Hour, PollutantCode = "a21026", DataTimeUtc = ThreeWayDay.AddHours(h), Value = 30 + h % 5, Flag = "N", RawPacketId = 1 });
            await db.SaveChangesAsync(Ct);
            return p.Id;
        });
        var client = await SignedInAsync();
        // The platform shows half the instrument's value from 10:00 to 13:00 Beijing time.
        var csv = new StringBuilder("时间,二氧化硫(mg/m³)\n");
        for (var h = 0; h < 24; h++) csv.Append($"2031-06-01 {h:00}:00,{(h is >= 10 and <= 13 ? (30 + h % 5) / 2.0 : 30 + h % 5)}\n");

        var bad = await UploadComparisonAsync(client, point, "时间,二氧化硫\n2031-06-01 00:00,30\n2031-06-01 01:00,三十一\n");
        Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
        var html = await client.GetStringAsync(bad.Headers.Location!.OriginalString, Ct);
        Assert.Contains("未导入任何数据", html, StringComparison.Ordinal);
        Assert.Contains("第 3 行：二氧化硫的值“三十一”不是数字", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().ComparisonReadings.CountAsync(r => r.MonitoringPointId == point, Ct)));

        // Over the upload limit: a message in Chinese, not a failed request.
        var huge = await UploadComparisonAsync(client, point, "时间,二氧化硫\n" + new string('0', (int)EcoEnforce.Web.Infrastructure.UploadLimits.MaxBytes + 1024));
        Assert.True(huge.StatusCode == HttpStatusCode.Redirect, $"{huge.StatusCode} {huge.Headers.Location}");
        var hugeLocation = huge.Headers.Location!.OriginalString;
        Assert.StartsWith($"/Monitoring/Point/{point}?", hugeLocation, StringComparison.Ordinal);
        Assert.Contains("文件过大", await client.GetStringAsync(hugeLocation, Ct), StringComparison.Ordinal);

        var good = await UploadComparisonAsync(client, point, csv.ToString());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("已导入 24 个数值", await client.GetStringAsync(good.Headers.Location!.OriginalString, Ct), StringComparison.Ordinal);

        await App.WithScopeAsync(sp => sp.GetRequiredService<LeadScanner>().ScanAsync(ThreeWayDay, ThreeWayDay.AddDays(1), point, null, Ct));
        var lead = Assert.Single(await App.WithScopeAsync(sp => sp.GetRequiredService<EcoEnforceDb>().Leads.AsNoTracking()
            .Where(l => l.MonitoringPointId == point && l.Signature == "three-way-mismatch").ToListAsync(Ct)));
        Assert.Equal(("a21026", ThreeWayDay.AddHours(10), ThreeWayDay.AddHours(13)), (lead.PollutantCode, lead.FromUtc, lead.ToUtc));
        Assert.Contains("平台", lead.Explanation, StringComparison.Ordinal);
    }
}
