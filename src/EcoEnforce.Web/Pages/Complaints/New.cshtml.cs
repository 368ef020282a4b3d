using EcoEnforce.Complaints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcoEnforce.Web.Pages.Complaints;

/// <summary>Records a letter, a visit or a 12369 call by hand.</summary>
[Authorize(Policy = Infrastructure.Policies.ComplaintHandler)]
public sealed class NewModel(RecordComplaint.Handler handler, TimeProvider clock) : PageModel
{
    [BindProperty] public ComplaintChannel Channel { get; set; } = ComplaintChannel.Letter;
    [BindProperty] public string? ExternalNumber { get; set; }
    [BindProperty] public DateTime ReceivedAt { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public double? Latitude { get; set; }
    [BindProperty] public double? Longitude { get; set; }
    [BindProperty] public string? ComplainantName { get; set; }
    [BindProperty] public string? ComplainantPhone { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
        var now = EcoEnforce.Common.ChinaTime.ToChina(clock.GetUtcNow().UtcDateTime);
        ReceivedAt = now.AddSeconds(-now.Second).AddMilliseconds(-now.Millisecond);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await handler.HandleAsync(new RecordComplaint.Command(Channel, ExternalNumber, ReceivedAt, Text, Address, Latitude, Longitude,
            ComplainantName, ComplainantPhone), ct);
        if (result.Succeeded) return Redirect($"/Complaints/{result.Value}");
        Errors = [.. result.Errors.Select(e => $"{e.Field}：{e.Message}")];
        return Page();
    }
}
