using System.Security.Claims;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Problems;
using EcoEnforce.Reports;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Api;

/// <summary>The monthly report (附表2) for other clients: the bureau's board, a unit's form and revisions, and the same
/// submit / approve / return steps as the pages, with the same rules and Chinese messages.</summary>
public static class MonthlyReportsApi
{
    public sealed record BoardLineDto(int UnitId, string Unit, bool Obligated, MonthlyReportStatus? Status, int? Revision, DateTime? SubmittedAtUtc,
        bool? OnTime, bool Overdue, bool Reported, InspectionCounts ThisMonth, InspectionCounts Total);

    public sealed record BoardDto(int CampaignId, string Campaign, int Year, int Month, DateOnly Due, IReadOnlyList<BoardLineDto> Units,
        InspectionCounts SumThisMonth, InspectionCounts SumTotal);

    public sealed record RevisionDto(int Id, int Revision, MonthlyReportStatus Status, string? FiledBy, DateTime? SubmittedAtUtc, string? SubmittedBy,
        DateTime? ReviewedAtUtc, string? ReviewedBy, string? ReviewComment);

    public sealed record UnitReportDto(int CampaignId, int UnitId, int Year, int Month, DateOnly Due, bool Frozen, MonthlySnapshot Form,
        IReadOnlyList<RevisionDto> Revisions);

    public sealed record SubmitRequest(string? FiledBy, string? Phone);

    public sealed record ReviewRequest(string? Comment);

    public static void MapMonthlyReportsApi(this RouteGroupBuilder v1)
    {
        var monthly = v1.MapGroup("/reports/monthly").WithTags("报表").RequireAuthorization(Policies.StaffOrLiaison);
        monthly.MapGet("/", BoardAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("某专项某月（month=yyyy-MM）各单位月报的状态、是否按时、数字与全区合计");
        monthly.MapGet("/{campaignId:int}/units/{unitId:int}/{month}", UnitAsync)
            .WithSummary("某单位某月附表2：报送后为冻结的快照，否则为实时数字；含各版次");
        monthly.MapPost("/{campaignId:int}/units/{unitId:int}/{month}/submit", SubmitAsync)
            .WithSummary("填写填报人、联系电话并报送（冻结数字）；已退回或已通过的报表新建一版");
        monthly.MapPost("/{id:int}/approve", (int id, ReviewRequest r, MonthlyReports.Handler h, EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct) =>
            ReviewAsync(db, user, () => h.ApproveAsync(id, r.Comment, ct), ct)).WithSummary("审核通过（科室负责人、局领导、管理员）");
        monthly.MapPost("/{id:int}/return", (int id, ReviewRequest r, MonthlyReports.Handler h, EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct) =>
            ReviewAsync(db, user, () => h.ReturnAsync(id, r.Comment, ct), ct)).WithSummary("退回修改（须写明原因）");
    }

    private static async Task<Results<Ok<BoardDto>, ValidationProblem>> BoardAsync(EcoEnforceDb db, TimeProvider clock, CancellationToken ct,
        int? campaignId = null, string? month = null)
    {
        var obligations = await ReportingUnits.MonthlyCampaignsAsync(db, null, ct);
        var obligation = obligations.FirstOrDefault(o => o.Campaign.Id == campaignId) ?? (campaignId is null ? obligations.FirstOrDefault() : null);
        if (obligation is null) return Invalid("campaignId", "该专项不要求按月报送，或不存在");
        if (MonthlyObligation.ParseMonth(month) is not var (year, m)) return Invalid("month", "月份应为 年-月，如 2022-08");
        var board = await MonthlyBoard.ForAsync(db, clock, obligation, year, m, ct);
        return TypedResults.Ok(new BoardDto(obligation.Campaign.Id, obligation.Campaign.ShortName, year, m, board.Deadline.DueDate,
            [.. board.Lines.Select(l => new BoardLineDto(l.Unit.Id, l.Unit.Name, l.Obligated, l.Latest?.Status, l.Latest?.Revision, l.Latest?.SubmittedAtUtc,
                l.OnTime, l.Overdue, l.Reported, l.ThisMonth, l.Total))],
            board.SumMonth, board.SumTotal));
    }

    private static async Task<Results<Ok<UnitReportDto>, ValidationProblem, ForbidHttpResult, NotFound>> UnitAsync(int campaignId, int unitId, string month,
        EcoEnforceDb db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await ReportAccess.ForAsync(db, user, ct)).CanRead(unitId)) return TypedResults.Forbid();
        if (MonthlyObligation.ParseMonth(month) is not var (year, m)) return Invalid("month", "月份应为 年-月，如 2022-08");
        var obligation = (await ReportingUnits.MonthlyCampaignsAsync(db, null, ct)).FirstOrDefault(o => o.Campaign.Id == campaignId);
        if (obligation is null || !await db.Departments.AnyAsync(d => d.Id == unitId, ct)) return TypedResults.NotFound();
        var view = await MonthlyReportView.LoadAsync(db, clock, new MonthlyReports.Key(campaignId, unitId, year, m), ct);
        return TypedResults.Ok(new UnitReportDto(campaignId, unitId, year, m, obligation.Deadline(year, m).DueDate, view.Frozen, view.Form,
            [.. view.Revisions.Select(r => new RevisionDto(r.Id, r.Revision, r.Status, r.FiledBy, r.SubmittedAtUtc, r.SubmittedBy, r.ReviewedAtUtc, r.ReviewedBy, r.ReviewComment))]));
    }

    private static async Task<Results<Ok<InspectionWriteApi.Created>, ValidationProblem, ForbidHttpResult, NotFound>> SubmitAsync(int campaignId, int unitId,
        string month, SubmitRequest request, MonthlyReports.Handler reports, EcoEnforceDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await ReportAccess.ForAsync(db, user, ct)).CanFile(unitId)) return TypedResults.Forbid();
        if (MonthlyObligation.ParseMonth(month) is not var (year, m)) return Invalid("month", "月份应为 年-月，如 2022-08");
        var saved = await reports.SaveDraftAsync(new MonthlyReports.Key(campaignId, unitId, year, m), request.FiledBy, request.Phone, ct);
        var result = saved.Succeeded ? await reports.SubmitAsync(saved.Value, ct) : saved;
        return result.Succeeded ? TypedResults.Ok(new InspectionWriteApi.Created(result.Value)) : ApiProblems.ToValidationProblem(result.Errors);
    }

    private static async Task<Results<Ok<InspectionWriteApi.Created>, ValidationProblem, ForbidHttpResult>> ReviewAsync(EcoEnforceDb db, ClaimsPrincipal user,
        Func<Task<Result<int>>> review, CancellationToken ct)
    {
        if (!(await ReportAccess.ForAsync(db, user, ct)).CanReview) return TypedResults.Forbid();
        var result = await review();
        return result.Succeeded ? TypedResults.Ok(new InspectionWriteApi.Created(result.Value)) : ApiProblems.ToValidationProblem(result.Errors);
    }

    private static ValidationProblem Invalid(string field, string message) => ApiProblems.ToValidationProblem([new FieldError(field, message)]);
}
