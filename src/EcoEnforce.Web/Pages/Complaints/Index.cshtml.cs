using EcoEnforce.Complaints;
using EcoEnforce.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EcoEnforce.Web.Pages.Complaints;

/// <summary>The complaint list. Urgent (exam-zone) complaints come first. A liaison officer sees his own township's
/// complaints and no personal data; staff see the complainant masked here and in full on the item page.</summary>
[Authorize(Policy = Infrastructure.Policies.StaffOrLiaison)]
public sealed class IndexModel(EcoEnforceDb db, ComplaintQueries queries, IAuthorizationService authorization) : PageModel
{
    public const int MaxRows = 300;

    [BindProperty(SupportsGet = true)] public ComplaintStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ComplaintCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public MatchStatus? Match { get; set; }
    [BindProperty(SupportsGet = true)] public bool Urgent { get; set; }
    [BindProperty(SupportsGet = true)] public bool Night { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<Complaint> Rows { get; private set; } = [];
    public bool SeesPersonalData { get; private set; }
    public bool CanHandle { get; private set; }
    public int ReviewCount { get; private set; }
    public int UrgentOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await EcoEnforce.Problems.LiaisonScope.TownshipAsync(db, User, ct);
        SeesPersonalData = scope is null;
        CanHandle = (await authorization.AuthorizeAsync(User, Infrastructure.Policies.ComplaintHandler)).Succeeded;
        var query = queries.Visible(scope).AsNoTracking().Include(c => c.Enterprise).Include(c => c.Township).AsQueryable();
        if (Status is { } s) query = query.Where(c => c.Status == s);
        if (Category is { } cat) query = query.Where(c => (c.Category ?? c.SuggestedCategory) == cat);
        if (Match is { } m) query = query.Where(c => c.MatchStatus == m);
        if (Urgent) query = query.Where(c => c.IsUrgent);
        if (Night) query = query.Where(c => c.IsNight);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(c => c.Text.Contains(q) || (c.Address != null && c.Address.Contains(q)) || c.ExternalNumber == q);
        }
        Rows = await query.OrderByDescending(c => c.IsUrgent && c.Status == ComplaintStatus.Open).ThenByDescending(c => c.ReceivedAtUtc)
            .Take(MaxRows).ToListAsync(ct);
        ReviewCount = await queries.Visible(scope).CountAsync(c => c.MatchStatus == MatchStatus.NeedsReview, ct);
        UrgentOpen = await queries.Visible(scope).CountAsync(c => c.IsUrgent && c.Status == ComplaintStatus.Open, ct);
    }
}
