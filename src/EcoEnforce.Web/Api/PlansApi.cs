using EcoEnforce.Campaigns;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Api;

public static class PlansApi
{
    public sealed record PlanSummaryDto(int Id, int Year, string Title, int Version, string Status, DateOnly? IssuedOn, DateTime? PublishedAtUtc);

    public sealed record PhaseDto(string Name, DateOnly? Start, DateOnly? End, string Source, string? Description);

    public sealed record CampaignDto(
        int Id, int Order, string Kind, string Title, string ShortName, string? LegalBasis, string Scope, string Focus, string Schedule,
        string Participants, IReadOnlyList<string> Departments, IReadOnlyList<PhaseDto> Phases, IReadOnlyList<string> CheckItems,
        int? AnnexNumber, string? AnnexTitle, int? TargetUnitCount);

    public sealed record PlanDto(
        int Id, int Year, string Title, string Issuer, int Version, string Status, DateOnly? IssuedOn, DateTime? PublishedAtUtc,
        IReadOnlyList<CampaignDto> Campaigns);

    public static void MapPlansApi(this RouteGroupBuilder v1)
    {
        var plans = v1.MapGroup("/plans").WithTags("检查计划");
        plans.MapGet("/", ListAsync).WithSummary("全部检查计划（各版本）");
        plans.MapGet("/{id:int}", GetAsync).WithSummary("计划及其专项、阶段和检查事项");
    }

    private static async Task<Ok<List<PlanSummaryDto>>> ListAsync(EcoEnforceDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Plans.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Version)
            .Select(p => new PlanSummaryDto(p.Id, p.Year, p.Title, p.Version, p.Status.ToString(), p.IssuedOn, p.PublishedAtUtc))
            .ToListAsync(ct));

    private static async Task<Results<Ok<PlanDto>, NotFound>> GetAsync(int id, EcoEnforceDb db, CancellationToken ct)
    {
        var plan = await PlanQueries.LoadWholeAsync(db, id, ct);
        if (plan is null) return TypedResults.NotFound();
        return TypedResults.Ok(new PlanDto(
            plan.Id, plan.Year, plan.Title, plan.Issuer, plan.Version, plan.Status.ToString(), plan.IssuedOn, plan.PublishedAtUtc,
            [.. plan.Campaigns.OrderBy(c => c.SortOrder).Select(c => new CampaignDto(
                c.Id, c.SortOrder, c.Kind.ToString(), c.Title, c.ShortName, c.LegalBasis, c.Scope, c.Focus, c.Schedule, c.Participants,
                [.. c.Departments.Select(d => d.Department!.ShortName)],
                [.. c.Phases.OrderBy(p => p.SortOrder).Select(p => new PhaseDto(p.Name, p.Start, p.End, p.Source, p.Description))],
                [.. c.CheckItems.OrderBy(i => i.SortOrder).Select(i => i.Text)],
                c.AnnexNumber, c.AnnexTitle, c.TargetUnitCount))]));
    }
}
