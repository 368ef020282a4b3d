using EcoEnforce.Web.Infrastructure;
using EcoEnforce.Data;
using EcoEnforce.Monitoring;
using EcoEnforce.Receiver;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Monitoring;

[Authorize(Policy = Infrastructure.Policies.Staff)]
public sealed class IndexModel(EcoEnforceDb db, TimeProvider clock, ReceiverOptions receiver, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<MonitoringQueries.PointSummary> Points { get; private set; } = [];
    public IReadOnlyList<UnknownDevice> Unknown { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string ReceiverEndpoint => receiver.Enabled ? $"TCP {receiver.Address}:{receiver.Port}" : "（本节点未启用接收）";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Points = await MonitoringQueries.SummariesAsync(db, clock.GetUtcNow().UtcDateTime, null, ct);
        Unknown = await db.UnknownDevices.AsNoTracking().OrderByDescending(d => d.LastSeenUtc).ToListAsync(ct);
        CanEdit = await authorization.IsEditorAsync(User);
    }

    public async Task<IActionResult> OnPostAssignAsync(string mn, int enterpriseId, string outletName, MonitoringMedium medium,
        [FromServices] AssignDevice.Handler handler, CancellationToken ct)
    {
        if (!await authorization.IsEditorAsync(User)) return Forbid();
        var result = await handler.HandleAsync(new AssignDevice.Command(mn, enterpriseId, outletName ?? "", medium), ct);
        if (result.Succeeded) return Redirect($"/Monitoring/Point/{result.Value}");
        foreach (var e in result.Errors) ModelState.AddModelError("", e.Message);
        await OnGetAsync(ct);
        return Page();
    }
}
