using EcoEnforce.Common;
using EcoEnforce.Places;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Places;

/// <summary>区域查询: entities within N metres of a kind of place (air stations of a level, exam venues, the rivers,
/// drinking-water areas), optionally chemical, risk or construction only; as a list or a workbook.</summary>
[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class ZonesModel(ZoneQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public PlaceKind Kind { get; set; } = PlaceKind.AirStation;
    [BindProperty(SupportsGet = true)] public StationLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public double? Metres { get; set; }
    [BindProperty(SupportsGet = true)] public bool ChemicalOnly { get; set; }
    [BindProperty(SupportsGet = true)] public bool RiskOnly { get; set; }
    [BindProperty(SupportsGet = true)] public bool ConstructionOnly { get; set; }

    public IReadOnlyList<ZoneEntity> Found { get; private set; } = [];
    public string? Error { get; private set; }

    private ZoneCriteria? Criteria()
    {
        Metres ??= ZoneDefaults.Metres(Kind);
        if (!Enum.IsDefined(Kind) || Metres < 0 || Metres > ZoneQuery.MaxMetres)
        {
            Error = $"距离应在 0 至 {ZoneQuery.MaxMetres:0} 米之间";
            return null;
        }
        return new ZoneCriteria(Kind, Metres.Value, Kind == PlaceKind.AirStation ? Level : null, ChemicalOnly, RiskOnly, ConstructionOnly);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Criteria() is { } criteria) Found = await query.ListAsync(criteria, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Criteria() is not { } criteria) return BadRequest(Error ?? "");
        var found = await query.ListAsync(criteria, ct);
        var sheet = new Common.Excel.XlsxSheet("区域内检查对象") { FrozenRows = 1, Landscape = true };
        sheet.ColumnWidths.AddRange([6, 34, 22, 24, 12, 30, 12, 14]);
        sheet.Row([.. new[] { "序号", "检查对象", "统一社会信用代码", "最近的" + Labels.PlaceKinds[Kind], "距离（米）", "地址", "所属镇街", "监管类别" }
            .Select(h => new Common.Excel.XlsxCell(h, Common.Excel.CellStyle.Header))]);
        var n = 0;
        foreach (var z in found)
            sheet.Row(new(++n), new(z.Entity.Name), new(z.Entity.CreditCode), new(z.Nearest.Name), new(Math.Round(z.DistanceMetres), Common.Excel.CellStyle.Number),
                new(z.Entity.Address), new(z.Entity.Township?.Name), new(Labels.SupervisionClasses[z.Entity.SupervisionClass]));
        var stream = new MemoryStream();
        Common.Excel.XlsxWriter.Write(stream, sheet);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"区域查询-{Labels.PlaceKinds[Kind]}-{Metres:0}米.xlsx");
    }
}
