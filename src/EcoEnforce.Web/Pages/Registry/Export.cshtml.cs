using System.Globalization;
using EcoEnforce.Common;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Registry;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class ExportModel(ExportEntities.Handler handler, TimeProvider clock, EcoEnforce.Places.ZoneMembers zones) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        string? query, SupervisionClass? supervisionClass, int? townshipId, IndustrialPark? park, string? industryCode, string? flag,
        int? zone, CancellationToken ct)
    {
        var filter = new SearchEntities.Filter
        {
            Query = query, SupervisionClass = supervisionClass, TownshipId = townshipId, Park = park, IndustryCode = industryCode, Flag = flag,
            Ids = zone is { } z ? await zones.ForPlaceAsync(z, ct) ?? new HashSet<int>() : null,
        };
        var stream = new MemoryStream();
        await handler.HandleAsync(stream, filter, ct);
        stream.Position = 0;
        var stamp = ChinaTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return File(stream, Infrastructure.UploadLimits.XlsxContentType, $"检查对象名录_{stamp}.xlsx");
    }
}
