using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Api;

public static class MonitoringApi
{
    public const int MaxRows = 50_000;

    public sealed record ReadingDto(string PollutantCode, DateTime DataTimeUtc, double? Value, double? Min, double? Max, double? Cou, string? Flag);

    public sealed record ReadingsDto(string Mn, int? MonitoringPointId, string Kind, DateTime FromUtc, DateTime ToUtc, bool Truncated, IReadOnlyList<ReadingDto> Items);

    public static void MapMonitoringApi(this RouteGroupBuilder v1)
    {
        var monitoring = v1.MapGroup("/monitoring").WithTags("在线监控").RequireAuthorization(Infrastructure.Policies.Staff);
        monitoring.MapGet("/readings", ReadingsAsync)
            .WithSummary("某MN在[from, to)内的监测数据（kind: RealTime, Minute, Hour, Day；时间为UTC，ISO 8601），最多50000条");
    }

    private static async Task<Results<Ok<ReadingsDto>, ValidationProblem>> ReadingsAsync(
        EcoEnforceDb db, CancellationToken ct, string? mn = null, DateTime? from = null, DateTime? to = null, ReadingKind kind = ReadingKind.Minute)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(mn)) errors["mn"] = ["必须指定设备MN"];
        if (from is null || to is null) errors["from"] = ["必须指定 from 和 to（ISO 8601 时间）"];
        else if (from >= to) errors["to"] = ["to 必须晚于 from"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var fromUtc = from!.Value.ToUniversalTime();
        var toUtc = to!.Value.ToUniversalTime();
        var rows = await MonitoringQueries.ReadingsAsync(db, mn!, kind, fromUtc, toUtc, MaxRows + 1, ct);
        var pointId = await db.MonitoringPoints.Where(p => p.Mn == mn).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new ReadingsDto(mn!, pointId, kind.ToString(), fromUtc, toUtc, rows.Count > MaxRows,
            [.. rows.Take(MaxRows).Select(r => new ReadingDto(r.PollutantCode, r.DataTimeUtc, r.Value, r.Min, r.Max, r.Cou, r.Flag))]));
    }
}
