using System.Text.Json;
using EcoEnforce.Common;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using EcoEnforce.Monitoring.Comparison;
using EcoEnforce.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Monitoring;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class PointModel(EcoEnforceDb db, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public const int MaxRows = 20_000;

    [BindProperty(SupportsGet = true)] public ReadingKind Kind { get; set; } = ReadingKind.Minute;
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>A suspicious stretch to shade on the chart (Beijing time), e.g. a lead's interval.</summary>
    [BindProperty(SupportsGet = true)] public DateTime? HighlightFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? HighlightTo { get; set; }

    /// <summary>Values imported by a successful upload, shown once after the redirect.</summary>
    [BindProperty(SupportsGet = true)] public int? Imported { get; set; }

    public MonitoringQueries.PointSummary? Summary { get; private set; }
    /// <summary>Analyzer readings and platform exports stored for the shown period, for the three-way comparison.</summary>
    public IReadOnlyList<ComparisonReading> Compared { get; private set; } = [];
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];
    public bool CanImport { get; private set; }
    public IReadOnlyList<Reading> Readings { get; private set; } = [];
    public bool Truncated { get; private set; }
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var point = await db.MonitoringPoints.AsNoTracking().Include(p => p.Enterprise).Include(p => p.Limits).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (point is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        Summary = await MonitoringQueries.SummaryAsync(db, point, now, ct);

        // Default: the day of the latest data (a silent logger still shows its last day), in Beijing dates.
        var anchor = DateOnly.FromDateTime(ChinaTime.ToChina(Summary.LastDataTimeUtc ?? now));
        To ??= anchor;
        From ??= Kind is ReadingKind.Day ? To.Value.AddDays(-30) : Kind is ReadingKind.Hour ? To.Value.AddDays(-6) : To.Value;
        if (From > To) (From, To) = (To, From);
        var fromUtc = From.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        var toUtc = To.Value.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        Readings = await MonitoringQueries.ReadingsAsync(db, point.Mn, Kind, fromUtc, toUtc, MaxRows + 1, ct);
        Compared = await db.ComparisonReadings.AsNoTracking()
            .Where(r => r.MonitoringPointId == id && r.Kind == Kind && r.DataTimeUtc >= fromUtc && r.DataTimeUtc < toUtc)
            .OrderBy(r => r.DataTimeUtc).Take(MaxRows).ToListAsync(ct);
        CanImport = await authorization.IsEditorAsync(User);
        if (TempData[CompareImportModel.ErrorsKey] is string errors) ImportErrors = errors.Split('\n');
        Truncated = Readings.Count > MaxRows;
        if (Truncated) Readings = [.. Readings.Take(MaxRows)];
        const string format = "yyyy-MM-dd HH:mm";
        ChartJson = JsonSerializer.Serialize(new
        {
            highlight = HighlightFrom is { } hf && HighlightTo is { } ht && hf <= ht
                ? new { from = hf.ToString(format, System.Globalization.CultureInfo.InvariantCulture), to = ht.ToString(format, System.Globalization.CultureInfo.InvariantCulture) }
                : null,
            series = Readings.GroupBy(r => r.PollutantCode).Select(g => new
            {
                name = PollutantNames.Of(g.Key),
                limit = point.Limits.FirstOrDefault(l => l.PollutantCode == g.Key)?.Limit,
                points = g.Select(r => new { t = ChinaTime.ToChina(r.DataTimeUtc).ToString(format, System.Globalization.CultureInfo.InvariantCulture), v = r.Value }),
                markers = false,
            }).Concat(Compared.GroupBy(r => (r.PollutantCode, r.Source)).Select(g => new
            {
                name = $"{PollutantNames.Of(g.Key.PollutantCode)}（{(g.Key.Source == ComparisonSource.Platform ? "平台" : "分析仪")}）",
                limit = (double?)null,
                points = g.Select(r => new { t = ChinaTime.ToChina(r.DataTimeUtc).ToString(format, System.Globalization.CultureInfo.InvariantCulture), v = (double?)r.Value }),
                markers = true,
            })),
        });
        return Page();
    }
}
