using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Draws;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Draws;

/// <summary>Coverage duties (e.g. every 重点 unit inspected at least once a year): per class, how many entities have
/// had (or have planned) enough inspections this year, and which fall short. Leaders only: the entities that do not
/// fall short are those with planned tasks, which would reveal a draw while it is still secret.</summary>
[Authorize(Policy = Infrastructure.Policies.Leaders)]
public sealed class CoverageModel(EcoEnforceDb db, TimeProvider clock) : PageModel
{
    public sealed record ClassCoverage(SupervisionClass Class, int MinPerYear, int Entities, int Done, int Planned, IReadOnlyList<Enterprise> Short);

    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public IReadOnlyList<ClassCoverage> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year == 0) Year = ChinaTime.Today(clock).Year;
        if (Year is < 2000 or > 2100) return BadRequest();
        var duties = (await db.DrawRuleSets.AsNoTracking().Where(r => !r.IsExample).Select(r => r.SpecJson).ToListAsync(ct))
            .SelectMany(json => DrawRuleSpec.FromJson(json).Coverage)
            .GroupBy(c => c.Class).Select(g => (Class: g.Key, Min: g.Max(c => c.MinPerYear))).ToList();
        var (start, end) = Periods.YearOf(new DateOnly(Year, 1, 1));
        var tasks = await db.InspectionTasks.AsNoTracking()
            .Where(t => t.Status != EcoEnforce.Inspections.TaskStatus.Cancelled && t.WindowStart <= end && start <= t.WindowEnd)
            .Select(t => new { t.EnterpriseId, t.Status })
            .ToListAsync(ct);
        var done = tasks.Where(t => t.Status == EcoEnforce.Inspections.TaskStatus.Done).GroupBy(t => t.EnterpriseId).ToDictionary(g => g.Key, g => g.Count());
        var planned = tasks.GroupBy(t => t.EnterpriseId).ToDictionary(g => g.Key, g => g.Count());
        var rows = new List<ClassCoverage>();
        foreach (var (cls, min) in duties.OrderBy(d => d.Class))
        {
            var entities = await db.Enterprises.AsNoTracking().Where(e => e.SupervisionClass == cls).OrderBy(e => e.Name).ToListAsync(ct);
            rows.Add(new ClassCoverage(cls, min, entities.Count,
                entities.Count(e => done.GetValueOrDefault(e.Id) >= min),
                entities.Count(e => planned.GetValueOrDefault(e.Id) >= min),
                [.. entities.Where(e => planned.GetValueOrDefault(e.Id) < min)]));
        }
        Rows = rows;
        return Page();
    }
}
