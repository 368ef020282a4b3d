using System.Globalization;
using EcoEnforce.Common;
using EcoEnforce.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Registry;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class ExportModel(ExportEntities.Handler handler, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        string? query, SupervisionClass? supervisionClass, int? townshipId, IndustrialPark? park, string? industryCode, string? flag,
        CancellationToken ct)
    {
        var filter = new SearchEntities.Filter
        {
            Query = query, SupervisionClass = supervisionClass, TownshipId = townshipId, Park = park, IndustryCode = industryCode, Flag = flag,
        };
        var stream = new MemoryStream();
        await handler.HandleAsync(stream, filter, ct);
        stream.Position = 0;
        var stamp = ChinaTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return File(stream, Infrastructure.UploadLimits.XlsxContentType, $"检查对象名录_{stamp}.xlsx");
    }
}
