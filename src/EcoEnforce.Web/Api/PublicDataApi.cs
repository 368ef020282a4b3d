using System.Globalization;
using System.Text;
using System.Xml.Linq;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Disclosure;

namespace EcoEnforce.Web.Api;

/// <summary>开放数据: the published disclosures as JSON and CSV, and an Atom feed of new publications. Anonymous and
/// rate-limited like the rest of /public; it reads <see cref="PublicQueries"/> only.</summary>
public static class PublicDataApi
{
    /// <summary>A feed carries what is new, not the archive (the JSON and CSV files are the archive).</summary>
    private const int FeedEntries = 100;

    public static void MapPublicData(this IEndpointRouteBuilder app)
    {
        var data = app.MapGroup("/public").AllowAnonymous().WithTags("公开数据").CacheOutput(Infrastructure.PublicSiteCache.Policy);
        data.MapGet("/data/{kind:regex(^(results|penalties)$)}.json", async (string kind, EcoEnforceDb db, int? year, CancellationToken ct) =>
            Results.Text(PublicJson.Serialize((await ListAsync(db, kind, year, ct)).Select(Row)), "application/json; charset=utf-8"));
        data.MapGet("/data/{kind:regex(^(results|penalties)$)}.csv", async (string kind, EcoEnforceDb db, int? year, CancellationToken ct) =>
        {
            var items = await ListAsync(db, kind, year, ct);
            var csv = kind == "results" ? ResultsCsv(items) : PenaltiesCsv(items);
            // The BOM lets Excel open the Chinese text as UTF-8.
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"{kind}.csv");
        });
        data.MapGet("/feed.atom", async (EcoEnforceDb db, HttpRequest request, CancellationToken ct) =>
            Results.Text(Feed(await PublicQueries.ListAsync(db, new PublicFilter(), ct, FeedEntries), $"{request.Scheme}://{request.Host}"), "application/atom+xml; charset=utf-8"));
    }

    private static Task<List<PublicItem>> ListAsync(EcoEnforceDb db, string kind, int? year, CancellationToken ct) =>
        PublicQueries.ListAsync(db, new PublicFilter
        {
            Kind = kind == "results" ? PublicationKind.InspectionResult : PublicationKind.PenaltyDecision, Year = year,
        }, ct);

    /// <summary>One JSON record: the listing fields and the published content itself (absent once withdrawn).</summary>
    private static object Row(PublicItem i) => new
    {
        i.Id, i.Title, i.Year, i.Campaign, i.Township, i.EventOn, i.PublishedAtUtc, i.Withdrawn, i.WithdrawnAtUtc, i.PublicNote, i.Revision,
        Content = i.ContentJson is { } json ? System.Text.Json.JsonDocument.Parse(json).RootElement : (System.Text.Json.JsonElement?)null,
    };

    private static string ResultsCsv(List<PublicItem> items)
    {
        var csv = new StringBuilder("编号,检查对象,统一社会信用代码,乡镇街道,检查日期,专项,抽查任务,检查结果,发现问题,公开日期,状态,说明\r\n");
        foreach (var i in items)
        {
            var c = i.ContentJson is { } json ? PublicJson.Deserialize<InspectionResultContent>(json) : null;
            Line(csv, i.Id, c?.EntityName ?? i.Title, c?.CreditCode, i.Township, i.EventOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                c is null ? i.Campaign : string.Join("、", c.Campaigns), c?.DrawTitle, c?.Outcome,
                c is null ? null : string.Join("；", c.Problems.Select(p => $"{p.Category}：{p.Summary}（{p.Rectification}）")), Published(i), Status(i), i.PublicNote);
        }
        return csv.ToString();
    }

    private static string PenaltiesCsv(List<PublicItem> items)
    {
        var csv = new StringBuilder("编号,决定书文号,当事人,统一社会信用代码,法定代表人,违法事实,处罚依据,处罚内容,罚款金额(万元),履行方式和期限,处罚机关,决定日期,公开日期,状态,说明\r\n");
        foreach (var i in items)
        {
            var c = i.ContentJson is { } json ? PublicJson.Deserialize<PenaltyDecisionContent>(json) : null;
            Line(csv, i.Id, c?.DecisionNumber ?? i.Title, c?.PartyName, c?.CreditCode, c?.LegalRepresentative, c?.Facts, c?.LegalBasis, c?.Penalty,
                c?.FineWan?.ToString("0.####", CultureInfo.InvariantCulture), c?.Performance, c?.Authority,
                i.EventOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Published(i), Status(i), i.PublicNote);
        }
        return csv.ToString();
    }

    private static string? Published(PublicItem i) => i.PublishedAtUtc is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string Status(PublicItem i) => i.Withdrawn ? "已撤回" : i.Revision > 1 ? "已更正" : "已公开";

    /// <summary>RFC 4180: every field quoted, quotes doubled; a leading =, +, -, @, tab or carriage return is prefixed
    /// with ' so spreadsheets do not run it as a formula (OWASP CSV injection).</summary>
    private static void Line(StringBuilder csv, params object?[] fields)
    {
        csv.AppendJoin(',', fields.Select(f =>
        {
            var text = Convert.ToString(f, CultureInfo.InvariantCulture) ?? "";
            if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)) text = "'" + text;
            return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }));
        csv.Append("\r\n");
    }

    private static string Feed(List<PublicItem> items, string baseUrl)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var updated = items.Select(i => i.WithdrawnAtUtc ?? i.PublishedAtUtc).Max() ?? new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var feed = new XElement(atom + "feed",
            new XElement(atom + "title", "重庆市涪陵区生态环境局 执法信息公开"),
            new XElement(atom + "id", $"{baseUrl}/public"),
            new XElement(atom + "link", new XAttribute("href", $"{baseUrl}/public/feed.atom"), new XAttribute("rel", "self")),
            new XElement(atom + "updated", Utc(updated)),
            new XElement(atom + "author", new XElement(atom + "name", Publications.Authority)),
            items.Take(100).Select(i => new XElement(atom + "entry",
                new XElement(atom + "title", (i.Withdrawn ? "【已撤回】" : i.Revision > 1 ? "【已更正】" : "") + i.Title),
                new XElement(atom + "id", $"{baseUrl}/public/items/{i.Id}"),
                new XElement(atom + "link", new XAttribute("href", $"{baseUrl}/public/items/{i.Id}")),
                new XElement(atom + "updated", Utc(i.WithdrawnAtUtc ?? i.PublishedAtUtc ?? updated)),
                new XElement(atom + "category", new XAttribute("term", i.Kind == PublicationKind.InspectionResult ? "抽查结果" : "处罚决定")))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed;
    }

    private static string Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
