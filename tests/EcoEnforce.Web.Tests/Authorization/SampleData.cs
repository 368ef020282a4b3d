using EcoEnforce.Data;
using EcoEnforce.Disclosure;
using EcoEnforce.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoEnforce.Web.Tests.Authorization;

/// <summary>Ids from the seeded demo data to fill route parameters with, chosen so that a liaison officer of
/// <see cref="OwnUnit"/> is outside every record's unit (<see cref="OtherUnit"/>).</summary>
public sealed record SampleData(int OwnUnit, int OtherUnit, int Plan, int Campaign, int MonthlyCampaign, int Entity, int Complaint, int Task,
    int Problem, int Point, int Inspector, int RuleSet, int Publication)
{
    /// <summary>Filled in by the test that creates them (a secret draw, an evidence file).</summary>
    public int Draw { get; init; }
    public int Evidence { get; init; }

    public static async Task<SampleData> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EcoEnforceDb>();
        var townships = await db.Departments.Where(d => d.Kind == DepartmentKind.Township).OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync(ct);
        var (own, other) = (townships[0], townships[1]);
        var monthly = (await Reports.ReportingUnits.MonthlyCampaignsAsync(db, null, ct)).First().Campaign.Id;
        return new SampleData(own, other,
            await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct),
            await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct),
            monthly,
            await db.Enterprises.Where(e => e.TownshipId != own).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(ct),
            await db.Complaints.Where(c => c.TownshipId != own).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct),
            await db.InspectionTasks.Where(t => t.Enterprise!.TownshipId != own).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(ct),
            await db.Problems.Where(p => p.Enterprise!.TownshipId != own).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct),
            await db.MonitoringPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct),
            await db.Inspectors.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(ct),
            await db.DrawRuleSets.Where(r => !r.IsExample).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(ct),
            await PublishedAsync(db, "示例公开企业（示例）", ct));
    }

    /// <summary>A published 检查结果 naming <paramref name="entityName"/>, as the review step leaves it.</summary>
    public static async Task<int> PublishedAsync(EcoEnforceDb db, string entityName, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var content = new InspectionResultContent(entityName, "91500102MA5U000000", "李渡街道", new DateOnly(2022, 8, 3), ["水专项"], null, null,
            entityName + "：未发现问题", [new DisclosedProblem("废水", entityName, "已整改")], "重庆市涪陵区生态环境局");
        var item = new Publication
        {
            Kind = PublicationKind.InspectionResult, ItemKey = $"test:{Guid.NewGuid():N}", Revision = 1, Status = PublicationStatus.Published,
            Title = entityName, Year = 2022, EventOn = content.InspectedOn, DueOn = content.InspectedOn.AddDays(28),
            ContentJson = PublicJson.Serialize(content), CreatedAtUtc = now, CreatedBy = "test", PublishedAtUtc = now,
        };
        db.Publications.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>The value for a route parameter of <paramref name="pattern"/>; null leaves an optional one out.</summary>
    public string? Value(string pattern, string name) => name switch
    {
        "documentName" => "v1",
        "kind" => "results",
        "code" => "404",
        "handler" => null,
        "month" => "2022-08",
        "campaignId" => $"{MonthlyCampaign}",
        "unitId" => $"{OtherUnit}",
        "id" => $"{IdFor(pattern)}",
        _ => throw new InvalidOperationException($"No sample value for {{{name}}} in {pattern}"),
    };

    private int IdFor(string pattern) => pattern.ToLowerInvariant() switch
    {
        var p when p.StartsWith("/plans/campaign/", StringComparison.Ordinal) => Campaign,
        var p when p.Contains("/plans/", StringComparison.Ordinal) => Plan,
        var p when p.Contains("complaints/", StringComparison.Ordinal) => Complaint,
        var p when p.StartsWith("/disclosure/", StringComparison.Ordinal) || p.StartsWith("/public/items/", StringComparison.Ordinal) => Publication,
        var p when p.StartsWith("/draws/ruleset/", StringComparison.Ordinal) => RuleSet,
        var p when p.Contains("draws/", StringComparison.Ordinal) => Draw,
        var p when p.StartsWith("/evidence/", StringComparison.Ordinal) => Evidence,
        var p when p.Contains("inspections/", StringComparison.Ordinal) => Task,
        var p when p.StartsWith("/ledger/", StringComparison.Ordinal) || p.Contains("/problems/", StringComparison.Ordinal) => Problem,
        var p when p.StartsWith("/monitoring/point/", StringComparison.Ordinal) => Point,
        var p when p.StartsWith("/organisation/inspector/", StringComparison.Ordinal) => Inspector,
        var p when p.StartsWith("/registry/", StringComparison.Ordinal) || p.Contains("/entities/", StringComparison.Ordinal) => Entity,
        var p when p.Contains("/reports/monthly/", StringComparison.Ordinal) => 1, // POST only: refused before the report is looked up
        _ => throw new InvalidOperationException($"Which id does {pattern} take? Add it to SampleData.IdFor."),
    };
}
